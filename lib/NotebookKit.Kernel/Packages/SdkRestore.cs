using System.Diagnostics;
using System.Security;
using System.Text;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Restores a set of packages through the .NET SDK, into the normal NuGet global packages folder: a throwaway
/// project with one <c>PackageReference</c> per request, <c>dotnet restore</c> on it, then its
/// <c>obj/project.assets.json</c>. The SDK does what NuGet does for a project (sources, credentials, version
/// resolution, the global folder), so a notebook restores exactly as a build of the same references would.
/// </summary>
internal static class SdkRestore
{
    /// <summary>The framework the throwaway project targets: this runtime's (net10.0).</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>
    /// Restores <paramref name="requests"/> together in <paramref name="projectDir"/> (emptied first), with the sources
    /// of <paramref name="configFile"/>, or of the user's default configuration when it is null. Cancelling
    /// <paramref name="ct"/> (an interrupt, the cell's time limit) ends the restore's process tree.
    /// </summary>
    /// <exception cref="PackageRestoreException">restore failed; the message carries its error lines.</exception>
    public static IReadOnlyList<RestoredPackage> Restore(IReadOnlyCollection<PackageRequest> requests, string projectDir, string? configFile, CancellationToken ct)
    {
        if (Directory.Exists(projectDir)) Directory.Delete(projectDir, recursive: true);
        Directory.CreateDirectory(projectDir);
        var project = Path.Combine(projectDir, "notebook-packages.csproj");
        File.WriteAllText(project, ProjectXml(requests));
        string[] args = ["restore", project, "--nologo", "-v", "q", "--disable-build-servers", "-p:NuGetAudit=false",
            "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false"];
        if (configFile != null) args = [.. args, "--configfile", configFile];
        var (exit, output) = Run(args, projectDir, ct);
        if (ct.IsCancellationRequested)
            throw new PackageRestoreException($"restoring {string.Join(", ", requests)} was stopped (interrupt or the cell's time limit) before it finished.");
        if (exit != 0)
            throw new PackageRestoreException(Describe(requests, configFile, output, exit));
        return ProjectAssets.Read(Path.Combine(projectDir, "obj", "project.assets.json"), TargetFramework);
    }

    private static string ProjectXml(IEnumerable<PackageRequest> requests)
    {
        var items = string.Concat(requests.Select(r =>
            $"    <PackageReference Include=\"{SecurityElement.Escape(r.Name)}\" Version=\"{SecurityElement.Escape(r.VersionRange)}\" />\n"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by NotebookKit's kernel to restore a notebook's #r "nuget: …" lines; never built. -->
              <PropertyGroup>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <EnableDefaultItems>false</EnableDefaultItems>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>
            """;
    }

    /// <summary>Restore's error lines (NU1101 names the sources searched, NU1102 the versions each source has).</summary>
    private static string Describe(IEnumerable<PackageRequest> requests, string? configFile, string output, int exit)
    {
        var lines = output.Replace("\r", "").Split('\n');
        var errors = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf("error ", StringComparison.Ordinal);
            if (at < 0) continue;
            errors.Add(lines[i][at..].Trim());
            while (i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                errors.Add("  " + lines[++i].Trim());
        }
        if (errors.Count == 0) errors.AddRange(lines.Where(l => l.Trim().Length > 0).TakeLast(10));
        var asked = string.Join("; ", requests.Select(r => $"{r.Name} {r.Version ?? "(newest)"}"));
        var config = configFile ?? "the user's default NuGet configuration";
        return $"dotnet restore failed (exit {exit}) for {asked}, with sources from {config}:\n" + string.Join('\n', errors.Distinct());
    }

    private static (int Exit, string Output) Run(IEnumerable<string> args, string workingDirectory, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PackageRestoreException($"could not start 'dotnet' to restore packages ({e.Message}); install the .NET SDK and put it on PATH.");
        }
        using var _ = p;
        using var stop = ct.Register(() =>
        {
            try { p.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // already exited
        });
        var output = new StringBuilder();
        var stderr = p.StandardError.ReadToEndAsync();
        output.Append(p.StandardOutput.ReadToEnd());
        p.WaitForExit();
        output.Append(stderr.Result);
        return (p.ExitCode, output.ToString());
    }
}
