using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NotebookKit.Bench;

/// <summary>
/// Runs one of the PyTorch reference scripts in ../shared/anchors (Debian's python3 with OpenBLAS's own CPU
/// detection, as the anchors' README prescribes) and captures its output and peak RSS.
/// </summary>
internal static class PythonReference
{
    public static string AnchorsDir()
    {
        var anchors = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "anchors"));
        if (!Directory.Exists(anchors)) throw new DirectoryNotFoundException($"bench: {anchors} is missing; the PyTorch references live in ../shared/anchors.");
        return anchors;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("bench: cannot find NotebookKit.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <paramref name="script"/> under bench/rss_wrapper.py; echoes its lines as they come.</summary>
    public static (List<string> Lines, double PeakRssMb) Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        psi.ArgumentList.Add(Path.Combine(RepoRoot(), "bench", "rss_wrapper.py"));
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("OPENBLAS_CORETYPE");
        psi.Environment.Remove("OPENBLAS_L2_SIZE");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("bench: could not start /usr/bin/python3");
        var lines = new List<string>();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null) { Console.WriteLine("  torch| " + line); lines.Add(line); }
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"bench: {Path.GetFileName(script)} failed (exit {p.ExitCode}). " +
                "Run `bash environment/setup-bench.sh` (python3-torch, dataset-fashion-mnist).\n" + err);
        var rss = lines.Select(l => Regex.Match(l, @"^peak_rss_mb (\d+)")).Last(m => m.Success);
        return (lines, double.Parse(rss.Groups[1].Value));
    }
}
