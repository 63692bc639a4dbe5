namespace NotebookKit.Tests;

/// <summary>Where the tests find committed reference files and the Python that checks interop.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries holding NotebookKit.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A fixture copied next to the test binaries by the test project (tests/reference/fixtures).</summary>
    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "fixtures", fileName);

    /// <summary>
    /// The python3 to run reference scripts with: $NOTEBOOKKIT_PYTHON, else Debian's /usr/bin/python3
    /// (which has python3-torch and python3-numpy), else python3 on PATH; null when there is none.
    /// </summary>
    public static string? Python { get; } = FindPython();

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException(
            $"No NotebookKit.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }

    static string? FindPython()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NOTEBOOKKIT_PYTHON");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        if (File.Exists("/usr/bin/python3")) return "/usr/bin/python3";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            foreach (var name in new[] { "python3", "python3.exe", "python.exe" })
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }
}
