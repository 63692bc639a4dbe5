using System.Text;
using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;
using NotebookKit.Jupyter.Zmq;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// A tiny Jupyter client on the kernel's own P/Invoke layer: DEALER sockets for shell and control, SUB for iopub,
/// REQ for the heartbeat. Enough to drive the kernel message by message, including malformed messages.
/// </summary>
internal sealed class TestClient : IDisposable
{
    private readonly ZmqContext context = new();
    private readonly ConnectionInfo connection;
    private readonly string session = Guid.NewGuid().ToString();
    public readonly ZmqSocket Shell, Control, Iopub;
    public readonly MessageSigner Signer;

    public TestClient(ConnectionInfo connection)
    {
        this.connection = connection;
        Signer = new MessageSigner(connection.Key);
        Shell = Connected(ZmqNative.DEALER, connection.ShellPort);
        Control = Connected(ZmqNative.DEALER, connection.ControlPort);
        Iopub = context.Socket(ZmqNative.SUB);
        Iopub.SetOption(ZmqNative.SUBSCRIBE, []);
        Iopub.Connect(connection.Endpoint(connection.IopubPort));
    }

    public JupyterMessage Request(string msgType, JsonObject content) =>
        JupyterMessage.Create(msgType, content, session);

    public string Send(ZmqSocket socket, JupyterMessage msg)
    {
        socket.Send(msg.ToFrames(Signer));
        return msg.MsgId;
    }

    /// <summary>The next message on <paramref name="socket"/>, or null after <paramref name="timeout"/>.</summary>
    public JupyterMessage? Next(ZmqSocket socket, TimeSpan timeout)
    {
        if (!socket.Poll((long)timeout.TotalMilliseconds)) return null;
        return JupyterMessage.Parse(socket.Receive(), Signer, out var problem) ?? throw new InvalidDataException(problem);
    }

    /// <summary>The reply to <paramref name="msgId"/> on <paramref name="socket"/> (other replies skipped), or null.</summary>
    public JupyterMessage? ReplyTo(ZmqSocket socket, string msgId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
            if (Next(socket, deadline - DateTime.UtcNow) is { } m && m.ParentHeader["msg_id"]?.GetValue<string>() == msgId) return m;
        return null;
    }

    /// <summary>Waits until the kernel answers kernel_info (it may still be starting).</summary>
    public JupyterMessage WaitForKernel(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var id = Send(Shell, Request("kernel_info_request", new JsonObject()));
            if (ReplyTo(Shell, id, TimeSpan.FromSeconds(5)) is { } reply) { DrainIopub(); return reply; }
        }
        throw new TimeoutException($"the kernel did not answer kernel_info_request within {timeout.TotalSeconds} s.");
    }

    /// <summary>Runs <paramref name="code"/>; returns the execute_reply and the iopub messages up to idle.</summary>
    public (JupyterMessage Reply, List<JupyterMessage> Iopub) Execute(string code, TimeSpan? timeout = null)
    {
        var id = Send(Shell, Request("execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false, ["stop_on_error"] = true,
        }));
        var t = timeout ?? TimeSpan.FromSeconds(120);
        var reply = ReplyTo(Shell, id, t) ?? throw new TimeoutException($"no execute_reply for: {code}");
        return (reply, IopubUntilIdle(id, t));
    }

    public List<JupyterMessage> IopubUntilIdle(string msgId, TimeSpan timeout)
    {
        var got = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Next(Iopub, deadline - DateTime.UtcNow) is { } m)
        {
            if (m.ParentHeader["msg_id"]?.GetValue<string>() != msgId) continue;
            got.Add(m);
            if (m.MsgType == "status" && m.Content["execution_state"]?.GetValue<string>() == "idle") break;
        }
        return got;
    }

    public void DrainIopub()
    {
        while (Next(Iopub, TimeSpan.FromMilliseconds(200)) != null) { }
    }

    /// <summary>One heartbeat round trip within <paramref name="timeout"/>.</summary>
    public bool Heartbeat(TimeSpan timeout)
    {
        using var hb = Connected(ZmqNative.REQ, connection.HbPort);
        var ping = Encoding.ASCII.GetBytes("ping");
        hb.Send([ping]);
        return hb.Poll((long)timeout.TotalMilliseconds) && hb.Receive()[0].AsSpan().SequenceEqual(ping);
    }

    private ZmqSocket Connected(int type, int port)
    {
        var s = context.Socket(type);
        s.Connect(connection.Endpoint(port));
        return s;
    }

    public void Dispose()
    {
        Shell.Dispose();
        Control.Dispose();
        Iopub.Dispose();
        context.Dispose();
    }
}

/// <summary>Failure messages that carry the kernel's own log.</summary>
internal static class TestClientExtensions
{
    public static JupyterMessage WaitForKernel(this TestClient client, TimeSpan timeout, KernelProcess kernel)
    {
        try { return client.WaitForKernel(timeout); }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Kernel exited: {kernel.HasExited}. Kernel log:\n{kernel.Log}");
        }
    }
}
