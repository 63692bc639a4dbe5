using System.Diagnostics;
using System.Net;
using System.Text;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// Debian's classic Jupyter Notebook server (<c>jupyter-notebook</c>) on 127.0.0.1 with a random token, serving
/// <paramref name="root"/>, with Jupyter's data, config and runtime folders all inside <paramref name="home"/> so it
/// sees only the kernelspec the test installed there. Killed (with its kernels) on dispose.
/// </summary>
internal sealed class NotebookServer : IDisposable
{
    public const string Executable = "/usr/bin/jupyter-notebook";

    private readonly Process process;
    private readonly StringBuilder log = new();

    public int Port { get; }

    public string Token { get; } = Guid.NewGuid().ToString("N");

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    public NotebookServer(string root, string home, string jupyterPath, IReadOnlyDictionary<string, string> kernelEnvironment)
    {
        Port = KernelProcess.FreePort();
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root,
        };
        foreach (var a in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={Port}", "--port-retries=0", "--allow-root",
                     $"--notebook-dir={root}", $"--NotebookApp.token={Token}", "--NotebookApp.password=",
                     "--NotebookApp.disable_check_xsrf=False", "--MappingKernelManager.cull_idle_timeout=0" })
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["JUPYTER_PATH"] = jupyterPath;
        psi.Environment["JUPYTER_DATA_DIR"] = Path.Combine(home, "data");
        psi.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(home, "config");
        psi.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(home, "runtime");
        psi.Environment["JUPYTER_NO_CONFIG"] = "1";
        // The private HOME must not move the NuGet cache: the kernel's #r "nuget: TorchSharp-cpu" would restore an
        // unpatched copy there (the set-up's Debian 12 fix patches the real cache), and LibTorch would fail to load.
        psi.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var (k, v) in kernelEnvironment) psi.Environment[k] = v;
        process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try { WaitUntilServing(TimeSpan.FromSeconds(90)); }
        catch { Dispose(); throw; }
    }

    /// <summary>The notebook page of <paramref name="relativePath"/> (under the served root), token included.</summary>
    public string NotebookUrl(string relativePath) =>
        $"{BaseUrl}notebooks/{string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString))}?token={Token}";

    private void WaitUntilServing(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"jupyter-notebook exited with {process.ExitCode}:\n{Log}");
            try
            {
                using var r = http.GetAsync($"{BaseUrl}api/status?token={Token}").GetAwaiter().GetResult();
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"jupyter-notebook did not answer on {BaseUrl} within {timeout.TotalSeconds:F0} s:\n{Log}");
            Thread.Sleep(200);
        }
    }

    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(10_000);
        process.Dispose();
    }
}
