using System.Diagnostics;

namespace NotebookKit.Jupyter.Tests;

/// <summary>Where things are (repo, built dlls), the python side (Debian's jupyter packages), and child processes.</summary>
internal static class JupyterEnvironment
{
    public const string Python = "/usr/bin/python3";

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration these tests were built in (Release in CI), so the kernel dll matches.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";

    /// <summary>The file names of notebooks/*.ipynb, in order: one theory case each.</summary>
    public static TheoryData<string> CourseNotebooks() =>
        new(Directory.GetFiles(Path.Combine(RepoRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order()!);

    public static string KernelDll => Path.Combine(AppContext.BaseDirectory, "NotebookKit.Jupyter.dll");

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "NotebookKit.Cli.dll");

    /// <summary>libzmq.so.5 loads (Debian's libzmq5): the kernel's own transport.</summary>
    public static bool LibzmqAvailable { get; } = CanLoadLibzmq();

    /// <summary>jupyter_client, jupyter_kernel_test and nbclient import in /usr/bin/python3.</summary>
    public static bool PythonJupyterAvailable { get; } =
        Run(Python, ["-c", "import jupyter_client, jupyter_kernel_test, nbclient, nbformat"]).Exit == 0;

    /// <summary>CI sets NOTEBOOKKIT_REQUIRE_JUPYTER=1: then a missing package fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("NOTEBOOKKIT_REQUIRE_JUPYTER") == "1";

    public const string Missing = "Debian's libzmq5 / python3-jupyter-client / python3-jupyter-kernel-test / python3-nbclient / jupyter-notebook are " +
                                  "missing (bash environment/setup-jupyter.sh installs them); set NOTEBOOKKIT_REQUIRE_JUPYTER=1 to fail instead of skipping.";

    /// <summary>The Release builds of the libraries notebooks load with their #r line; built once if missing.</summary>
    public static void EnsureReleaseLibrary() => NotebookKit.Testing.NotebookLibraries.EnsureRelease(RepoRoot);


    private static readonly object Gate = new();

    /// <summary>Installs the kernelspec under a temp prefix; returns the JUPYTER_PATH that finds it.</summary>
    public static string InstallKernelSpec(string prefix)
    {
        var r = Run("dotnet", [KernelDll, "install", "--prefix", prefix]);
        if (r.Exit != 0) throw new InvalidOperationException("kernelspec install failed:\n" + r.Output);
        return Path.Combine(prefix, "share", "jupyter");
    }

    /// <summary>
    /// <see cref="Run"/> for a python client that starts the kernel through jupyter_client, again (up to twice) when the
    /// kernel could not bind a port: jupyter_client picks free ports and releases them before the kernel binds them, so
    /// a connection opened meanwhile by another test can take one (a known race; nbclient has no restarter to pick new
    /// ports, unlike the Notebook server). The first output is kept in the result, so a retry is visible in the log.
    /// </summary>
    public static (int Exit, string Output) RunJupyterClient(IEnumerable<string> args, string? cwd = null,
        IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var list = args.ToList();
        var earlier = "";
        for (int attempt = 1; ; attempt++)
        {
            var r = Run(Python, list, cwd, env, timeout);
            if (r.Exit == 0 || attempt == 3 || !r.Output.Contains("Address already in use")) return (r.Exit, earlier + r.Output);
            earlier += $"[attempt {attempt}: the kernel lost a port race (Address already in use); retrying]\n";
        }
    }

    public static (int Exit, string Output) Run(string file, IEnumerable<string> args, string? cwd = null,
        IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (cwd != null) psi.WorkingDirectory = cwd;
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        try
        {
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(20)))
            {
                p.Kill(entireProcessTree: true);
                return (-2, $"timed out after {timeout}\n{stdout.Result}{stderr.Result}");
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e) { return (-1, e.Message); }
    }

    private static bool CanLoadLibzmq()
    {
        try
        {
            using var c = new Zmq.ZmqContext();
            return true;
        }
        catch (DllNotFoundException) { return false; }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No NotebookKit.sln above {AppContext.BaseDirectory}.");
    }
}
