using System.Diagnostics;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Tests;

/// <summary>Small notebooks written into temp folders, the nbformat schema check, and the CLI as a child process.</summary>
internal static class TestNotebooks
{
    public static NotebookCell Code(string source, params string[] tags) => NotebookCell.Create("code", source, tags);
    public static NotebookCell Markdown(string source) => NotebookCell.Create("markdown", source);

    public static string Write(string folder, string name, params NotebookCell[] cells)
    {
        var path = Path.Combine(folder, name);
        Notebook.Create(cells).Save(path);
        return path;
    }

    /// <summary>Debian's python3 with nbformat, or null (the schema tests then skip, saying why).</summary>
    public static bool NbformatAvailable { get; } = Run("/usr/bin/python3", ["-c", "import nbformat"]).Exit == 0;

    public const string NoNbformat = "python3-nbformat is not installed (bash environment/setup.sh installs it); the nbformat schema check did not run.";

    /// <summary>Validates against the nbformat v4 JSON schema; returns the validator's message, or null when valid.</summary>
    public static string? SchemaErrors(string path)
    {
        var r = Run("/usr/bin/python3", ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path]);
        return r.Exit == 0 ? null : r.Output;
    }

    /// <summary>The repository root (holds NotebookKit.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs the notebookkit CLI (built beside the tests) with <paramref name="args"/>.</summary>
    public static (int Exit, string Output) RunCli(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NotebookKit.Cli.dll");
        return Run("dotnet", [dll, .. args]);
    }

    /// <summary>The Release builds of the libraries notebooks load with their #r line; built once if missing.</summary>
    public static void EnsureReleaseLibrary() => NotebookKit.Testing.NotebookLibraries.EnsureRelease(RepoRoot);


    /// <summary>Runs <paramref name="file"/> to its end; <paramref name="env"/> adds to (or overrides) the test's environment.</summary>
    public static (int Exit, string Output) Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in env ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        try
        {
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e) { return (-1, e.Message); }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No NotebookKit.sln above {AppContext.BaseDirectory}.");
    }
}
