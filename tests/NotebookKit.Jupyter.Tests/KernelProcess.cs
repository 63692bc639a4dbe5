using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NotebookKit.Jupyter.Wire;

namespace NotebookKit.Jupyter.Tests;

/// <summary>The kernel as a child process on a fresh connection file (loopback, free ports, a random key); killed on dispose if still running.</summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly TempDir dir = new();
    private Process process = null!;
    private readonly System.Text.StringBuilder stderr = new();

    /// <summary>
    /// Starts the kernel and waits until it listens. Fresh ports are picked free, but another process on a shared
    /// machine can take one before the kernel binds it: then the kernel exits at once, and it is started again on new ports.
    /// </summary>
    public KernelProcess(ConnectionInfo? reuse = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            Connection = reuse ?? new ConnectionInfo("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(),
                Guid.NewGuid().ToString(), "hmac-sha256");
            process = Start(Connection);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (!Log.Contains("listening on") && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(50);
            if (!process.HasExited) return;
            process.WaitForExit(); // the log is complete
            if (attempt == 3 || !Log.Contains("Address already in use")) return;
            lock (stderr) stderr.Clear();
        }
    }

    private Process Start(ConnectionInfo connection)
    {
        var file = Path.Combine(dir.Path, "kernel.json");
        File.WriteAllText(file, connection.ToJson().ToJsonString());
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { JupyterEnvironment.KernelDll, file }, UseShellExecute = false,
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir.Path,
        };
        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    public ConnectionInfo Connection { get; private set; } = null!;

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public string Log { get { lock (stderr) return stderr.ToString(); } }

    /// <summary>Resident set size from /proc (kB).</summary>
    public long RssKb() =>
        long.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    public int ExitCode => process.ExitCode;

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        dir.Dispose();
    }

    /// <summary>A loopback port that was free a moment ago (the OS picked it).</summary>
    internal static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
