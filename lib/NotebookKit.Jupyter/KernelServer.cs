using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;
using NotebookKit.Jupyter.Zmq;
using NotebookKit.Kernel;

namespace NotebookKit.Jupyter;

/// <summary>
/// NotebookKit's Jupyter kernel: the wire protocol (5.3) on libzmq sockets around one <see cref="CSharpKernel"/>.
/// </summary>
/// <remarks>
/// Threads: the main thread owns the shell socket and forwards replies; a worker runs shell requests in order
/// (cells included), so the shell loop still answers <c>interrupt_request</c>, <c>shutdown_request</c> and
/// <c>kernel_info_request</c> while a cell runs; control has its own thread, and so has the heartbeat. iopub is shared
/// under a lock. Every request is wrapped in iopub <c>status: busy</c> … <c>idle</c>; a message with a bad signature
/// is logged and dropped.
/// </remarks>
public sealed partial class KernelServer : IDisposable
{
    private const string RepliesEndpoint = "inproc://notebookkit-shell-replies";

    private readonly ConnectionInfo connection;
    private readonly CSharpKernel kernel;
    private readonly MessageSigner signer;
    private readonly string session = Guid.NewGuid().ToString();
    private readonly ZmqContext context = new();
    private readonly ZmqSocket shell, control, stdin, iopub, replies;
    private readonly Heartbeat heartbeat;
    private readonly BlockingCollection<JupyterMessage> shellQueue = new();
    private readonly object iopubLock = new();
    private volatile bool stopping;

    public KernelServer(ConnectionInfo connection, CSharpKernel kernel)
    {
        this.connection = connection;
        this.kernel = kernel;
        signer = new MessageSigner(connection.Key);
        if (!signer.Enabled) Log.Write("warning: the connection file has an empty key, so messages are not signed.");
        shell = Bound(ZmqNative.ROUTER, connection.ShellPort);
        control = Bound(ZmqNative.ROUTER, connection.ControlPort);
        stdin = Bound(ZmqNative.ROUTER, connection.StdinPort);
        iopub = Bound(ZmqNative.PUB, connection.IopubPort);
        replies = context.Socket(ZmqNative.PULL);
        replies.Bind(RepliesEndpoint);
        heartbeat = new Heartbeat(context, connection.Endpoint(connection.HbPort));
    }

    /// <summary>True after a <c>shutdown_request</c> asked for a restart (the client starts a new process).</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Serves until a <c>shutdown_request</c>.</summary>
    public void Run()
    {
        heartbeat.Start();
        var worker = new Thread(WorkerLoop) { IsBackground = true, Name = "jupyter shell worker" };
        var controlThread = new Thread(ControlLoop) { IsBackground = true, Name = "jupyter control" };
        worker.Start();
        controlThread.Start();
        Log.Write($"listening on {connection.Endpoint(connection.ShellPort)} (shell), pid {Environment.ProcessId}");
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });
        ShellLoop();
        shellQueue.CompleteAdding();
        controlThread.Join(TimeSpan.FromSeconds(2));
        heartbeat.Stop();
    }

    private void ShellLoop()
    {
        ZmqSocket[] sockets = [shell, replies];
        while (!stopping)
        {
            int ready = ZmqSocket.PollAny(sockets, 100);
            if (ready == 1) { shell.Send(replies.Receive()); continue; }
            if (ready != 0 || Receive(shell, "shell") is not { } msg) continue;
            // At once, even while a cell runs: stop requests, and questions that do not depend on earlier cells
            // (a front end that reconnects during a long cell asks kernel_info first).
            if (msg.MsgType is "interrupt_request" or "shutdown_request" or "kernel_info_request" or "is_complete_request"
                or "comm_info_request" or "history_request")
                Dispatch(msg, r => shell.Send(r.ToFrames(signer)));
            else shellQueue.Add(msg);
        }
        while (replies.Poll(0)) shell.Send(replies.Receive()); // the last replies (shutdown) still go out
    }

    private void WorkerLoop()
    {
        using var push = context.Socket(ZmqNative.PUSH);
        push.Connect(RepliesEndpoint);
        void Send(JupyterMessage reply) => push.Send(reply.ToFrames(signer));
        try
        {
            foreach (var msg in shellQueue.GetConsumingEnumerable())
                if (!stopping) Dispatch(msg, Send);
        }
        catch (Exception e) when (!stopping) { Log.Write($"shell worker failed: {e}"); }
    }

    private void ControlLoop()
    {
        while (!stopping)
        {
            try
            {
                if (control.Poll(100) && Receive(control, "control") is { } msg)
                    Dispatch(msg, r => control.Send(r.ToFrames(signer)));
            }
            catch (ZmqException e) { Log.Write($"control: {e.Message}"); if (e.IsTerminated) return; }
        }
    }

    /// <summary>Receives and verifies one message; a malformed or wrongly signed one is logged and dropped (null).</summary>
    private JupyterMessage? Receive(ZmqSocket socket, string channel)
    {
        var msg = JupyterMessage.Parse(socket.Receive(), signer, out var problem);
        if (msg == null) Log.Write($"{channel}: dropped a message: {problem}.");
        return msg;
    }

    /// <summary>Publishes on iopub (any thread).</summary>
    private void Publish(JupyterMessage? parent, string msgType, JsonObject content)
    {
        var msg = JupyterMessage.Create(msgType, content, session, parent);
        var frames = msg.ToFrames(signer);
        frames.RemoveRange(0, msg.Identities.Count);
        frames.Insert(0, System.Text.Encoding.UTF8.GetBytes(msgType)); // topic
        lock (iopubLock)
        {
            if (!disposed) iopub.Send(frames);
        }
    }

    private ZmqSocket Bound(int type, int port)
    {
        var s = context.Socket(type);
        s.Bind(connection.Endpoint(port));
        return s;
    }

    private bool disposed;

    public void Dispose()
    {
        stopping = true;
        lock (iopubLock)
        {
            if (disposed) return;
            disposed = true;
            foreach (var s in new[] { shell, control, iopub }) s.SetOption(ZmqNative.LINGER, 1000); // flush the shutdown replies
            foreach (var s in new[] { shell, control, stdin, iopub, replies }) s.Dispose();
        }
        context.Dispose();
    }
}
