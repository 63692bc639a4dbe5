using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace NotebookKit.Kernel.Running;

/// <summary>Where a run happened: cores, CPU model, OS, runtime, git commit — so recorded figures can be compared fairly.</summary>
public static class MachineInfo
{
    public static JsonObject Describe() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["cpu"] = CpuModel(),
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
    };

    /// <summary>The <c>model name</c> line of /proc/cpuinfo, or null where there is none.</summary>
    public static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary><c>git rev-parse HEAD</c> run in <paramref name="folder"/>, or null when git or a repository is missing.</summary>
    public static string? GitCommit(string folder)
    {
        try
        {
            var psi = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var sha = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && sha.Length > 0 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
