using System.Diagnostics;

namespace NotebookKit.Testing;

/// <summary>
/// The Release build that notebooks load with their <c>#r</c> line (linked into each test project that runs
/// notebooks): lib/NotebookKit. <c>dotnet test -c Release</c> of the solution builds it; a test run from an IDE in
/// Debug builds it once here.
/// </summary>
internal static class NotebookLibraries
{
    private static readonly string[] Projects = ["NotebookKit"];
    private static readonly object Gate = new();

    /// <summary>Builds the library when its Release dll is missing; throws with the build output when the build fails.</summary>
    public static void EnsureRelease(string repoRoot)
    {
        lock (Gate)
            foreach (var name in Projects)
            {
                var folder = Path.Combine(repoRoot, "lib", name);
                if (File.Exists(Path.Combine(folder, "bin/Release/net10.0", name + ".dll"))) continue;
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in new[] { "build", Path.Combine(folder, name + ".csproj"), "-c", "Release", "-v", "q" }) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                var stderr = p.StandardError.ReadToEndAsync();
                var stdout = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0)
                    throw new InvalidOperationException($"dotnet build -c Release of lib/{name} failed:\n{stdout}{stderr.Result}");
            }
    }
}
