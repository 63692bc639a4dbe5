using System.Text;
using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;
using Xunit.Abstractions;

namespace NotebookKit.Jupyter.Tests;

/// <summary>The kernel process driven by <see cref="TestClient"/>: what it listens on, bad signatures, interrupts, restart, reconnects, memory over many cells.</summary>
public class KernelRobustnessTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);

    [ZmqFact]
    public void KernelListensOnlyOnTheConnectionFilesAddressAndPorts()
    {
        using var kernel = new KernelProcess();
        using var client = new TestClient(kernel.Connection);
        client.WaitForKernel(Startup, kernel);

        var c = kernel.Connection;
        var expected = new[] { c.ShellPort, c.IopubPort, c.StdinPort, c.ControlPort, c.HbPort }.Select(p => $"127.0.0.1:{p}").Order();
        var listening = ListeningSockets.Of(kernel.Pid).Select(e => e.ToString()).Order().ToList();
        log.WriteLine("listening: " + string.Join(", ", listening));
        Assert.Equal(expected, listening); // no other port, no other interface (dotnet-interactive adds an HTTP API)
    }

    [ZmqFact]
    public void MessageWithWrongSignatureIsDroppedAndTheKernelStaysAlive()
    {
        using var kernel = new KernelProcess();
        using var client = new TestClient(kernel.Connection);
        client.WaitForKernel(Startup, kernel);

        var forged = client.Request("execute_request", new JsonObject { ["code"] = "Console.WriteLine(\"pwned\")", ["silent"] = false });
        var frames = forged.ToFrames(client.Signer);
        frames[1] = Encoding.ASCII.GetBytes(new string('0', 64)); // [delimiter, signature, ...] from a DEALER: no ids
        client.Shell.Send(frames);
        var unsigned = forged.ToFrames(new MessageSigner(""));
        client.Shell.Send(unsigned);

        Assert.Null(client.Next(client.Shell, TimeSpan.FromSeconds(3)));
        Assert.True(client.Heartbeat(TimeSpan.FromSeconds(5)));
        var (reply, iopub) = client.Execute("1 + 1");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>()); // the forged cells never ran
        Assert.Contains("bad or missing signature", kernel.Log);
        Assert.DoesNotContain(iopub, m => m.MsgType == "stream");
    }

    [ZmqFact]
    public void InterruptStopsAnEndlessLoopAndALibraryLoopAndTheNextCellRuns()
    {
        using var kernel = new KernelProcess();
        using var client = new TestClient(kernel.Connection);
        client.WaitForKernel(Startup, kernel);
        JupyterEnvironment.EnsureReleaseLibrary();
        var library = Path.Combine(JupyterEnvironment.RepoRoot, "lib/NotebookKit/bin/Release/net10.0/NotebookKit.dll");
        var (setup, _) = client.Execute($"#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"{library}\"", TimeSpan.FromMinutes(5));
        Assert.Equal("ok", setup.Content["status"]!.GetValue<string>());
        string[] loops =
        [
            "while (true) { KernelInterrupt.ThrowIfInterrupted(); }",
            // the cell never checks; NotebookKit's DataLoader does, before every batch
            "var ds = new NotebookKit.Data.ImageDataset(TorchSharp.torch.zeros(16, 1, 2, 2), TorchSharp.torch.zeros(16, TorchSharp.torch.int64), [\"zero\"]);\n" +
            "while (true) foreach (var (x, y) in new NotebookKit.Data.DataLoader(ds, batchSize: 2)) { x.Dispose(); y.Dispose(); }",
        ];
        foreach (var (loop, onControl) in new[] { (loops[0], true), (loops[1], false), (loops[0], false) })
        {
            var id = client.Send(client.Shell, client.Request("execute_request", new JsonObject { ["code"] = loop, ["silent"] = false }));
            Thread.Sleep(1500);
            Assert.Null(client.ReplyTo(client.Shell, id, TimeSpan.FromMilliseconds(100))); // still looping
            Assert.True(client.Heartbeat(TimeSpan.FromSeconds(5)), "heartbeat while a cell runs");
            var info = client.Send(client.Shell, client.Request("kernel_info_request", new JsonObject()));
            Assert.NotNull(client.ReplyTo(client.Shell, info, TimeSpan.FromSeconds(10))); // answered while the cell runs
            var socket = onControl ? client.Control : client.Shell;
            var interrupt = client.Send(socket, client.Request("interrupt_request", new JsonObject()));
            Assert.NotNull(client.ReplyTo(socket, interrupt, TimeSpan.FromSeconds(10)));
            var reply = client.ReplyTo(client.Shell, id, TimeSpan.FromSeconds(30));
            Assert.NotNull(reply);
            Assert.Equal("error", reply!.Content["status"]!.GetValue<string>());
            Assert.Equal("OperationCanceledException", reply.Content["ename"]!.GetValue<string>());
            var (next, _) = client.Execute("2 + 2");
            Assert.Equal("ok", next.Content["status"]!.GetValue<string>());
        }
    }

    [ZmqFact]
    public void ShutdownWithRestartExitsCleanlyAndANewKernelServesTheSameConnection()
    {
        ConnectionInfo connection;
        using (var kernel = new KernelProcess())
        {
            connection = kernel.Connection;
            using var client = new TestClient(kernel.Connection);
            client.WaitForKernel(Startup, kernel);
            client.Execute("var a = 1;");
            var id = client.Send(client.Control, client.Request("shutdown_request", new JsonObject { ["restart"] = true }));
            var reply = client.ReplyTo(client.Control, id, TimeSpan.FromSeconds(10));
            Assert.True(reply?.Content["restart"]?.GetValue<bool>(), "shutdown_reply with restart: true");
            Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(15)), "the kernel exits after shutdown_request");
            Assert.Equal(0, kernel.ExitCode);
        }
        using (var restarted = new KernelProcess(connection))
        {
            using var client = new TestClient(connection);
            client.WaitForKernel(Startup, restarted);
            var (reply, iopub) = client.Execute("var a = 2; a");
            Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
            Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>()); // a fresh kernel
            var id = client.Send(client.Shell, client.Request("shutdown_request", new JsonObject { ["restart"] = false }));
            Assert.NotNull(client.ReplyTo(client.Shell, id, TimeSpan.FromSeconds(10)));
            Assert.True(restarted.WaitForExit(TimeSpan.FromSeconds(15)));
            Assert.Equal(0, restarted.ExitCode);
        }
    }

    [ZmqFact]
    public void ClientThatDisconnectsIsReplacedByANewOneThatSeesTheSameState()
    {
        using var kernel = new KernelProcess();
        using (var first = new TestClient(kernel.Connection))
        {
            first.WaitForKernel(Startup, kernel);
            first.Execute("var kept = 5;");
            // leaves with a request in flight: its reply goes nowhere
            first.Send(first.Shell, first.Request("execute_request", new JsonObject { ["code"] = "Thread.Sleep(500);", ["silent"] = false }));
        }
        using var second = new TestClient(kernel.Connection);
        second.WaitForKernel(Startup, kernel);
        var (reply, iopub) = second.Execute("kept * 2");
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        var result = iopub.Single(m => m.MsgType == "execute_result");
        Assert.Equal("10", result.Content["data"]!["text/plain"]!.GetValue<string>());
    }

    /// <summary>
    /// Roslyn scripting can never unload a submission, so every cell costs a little memory for good; the growth must stay
    /// linear and small (measured: 9 MB after 100 small cells, 91 MB after 1,000, about 94 kB a cell). It was quadratic
    /// (4.3 GB after 1,000) while each cell got its own ScriptOptions; a second and third point (100, 300) catch a return
    /// of that shape. This runs the 1,000 cells, logs the growth and fails past the stated bounds.
    /// </summary>
    [ZmqFact]
    public void ThousandSmallCellsGrowMemoryWithinTheStatedBound()
    {
        using var kernel = new KernelProcess();
        using var client = new TestClient(kernel.Connection);
        client.WaitForKernel(Startup, kernel);
        for (int i = 0; i < 20; i++) client.Execute($"var w{i} = {i} * 2;"); // warm up the JIT and Roslyn's caches
        long before = kernel.RssKb();
        var rss = new Dictionary<int, long>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 1; i <= 1000; i++)
        {
            var (reply, _) = client.Execute(i % 2 == 0 ? $"var v{i} = {i} + 1;" : "1 + 1");
            Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
            if (i is 100 or 300 or 1000) rss[i] = kernel.RssKb() - before;
        }
        log.WriteLine($"RSS before: {before / 1024} MB; growth after 100 / 300 / 1000 cells: {rss[100] / 1024} / {rss[300] / 1024} / " +
                      $"{rss[1000] / 1024} MB ({rss[1000] / 1000.0:F0} kB per cell on average); {clock.Elapsed.TotalMilliseconds / 1000:F1} ms per cell");
        Assert.True(rss[100] < Bound100Mb * 1024, $"grew {rss[100] / 1024} MB over 100 cells (bound {Bound100Mb} MB)");
        Assert.True(rss[300] < Bound300Mb * 1024, $"grew {rss[300] / 1024} MB over 300 cells (bound {Bound300Mb} MB)");
        Assert.True(rss[1000] < Bound1000Mb * 1024, $"grew {rss[1000] / 1024} MB over 1,000 cells (bound {Bound1000Mb} MB)");
        Assert.True(client.Heartbeat(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Bounds with about 3× headroom over the measured growth (100 cells: 9 MB; 300: 25 MB; 1,000: 91 MB).</summary>
    private const long Bound100Mb = 40, Bound300Mb = 80, Bound1000Mb = 300;
}
