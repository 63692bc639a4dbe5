using System.Diagnostics;

namespace NotebookKit.Testing;

/// <summary>
/// The course notebooks as every host's tests see them (linked into each test project that runs them): where they are,
/// and each one prepared for fast mode by the Jupyter kernel's <c>prepare</c> command — outputs cleared, the
/// <c>injected-parameters</c> cell (<c>FastMode = true;</c>) inserted exactly as the headless runner injects it.
/// </summary>
internal static class CourseNotebooks
{
    /// <summary>The repository root (holds NotebookKit.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The configuration the tests were built in (Release in CI): the one lib/NotebookKit.Jupyter was built in beside them.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";

    /// <summary>The file names of notebooks/*.ipynb, in order.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Folder, "*.ipynb").Select(p => Path.GetFileName(p)!).Order().ToList();

    /// <summary>
    /// Writes <paramref name="name"/> prepared for fast mode to <paramref name="output"/> with
    /// <c>NotebookKit.Jupyter.dll prepare in out --fast</c> (lib/NotebookKit.Jupyter, built with the tests).
    /// </summary>
    public static void PrepareFast(string name, string output)
    {
        var dll = Path.Combine(RepoRoot, "lib/NotebookKit.Jupyter/bin", Configuration, "net10.0/NotebookKit.Jupyter.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: build lib/NotebookKit.Jupyter -c {Configuration} (the test project references it).");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "prepare", Path.Combine(Folder, name), output, "--fast" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"prepare {name} --fast failed:\n{stdout}{stderr.Result}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No NotebookKit.sln above {AppContext.BaseDirectory}.");
    }
}
