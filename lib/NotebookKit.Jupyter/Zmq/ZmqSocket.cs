namespace NotebookKit.Jupyter.Zmq;

/// <summary>
/// One libzmq socket, sending and receiving multipart messages as lists of byte arrays. Not thread-safe (neither
/// is a ZeroMQ socket): one thread uses it, or callers serialise access with a lock (a full memory barrier).
/// </summary>
public sealed unsafe class ZmqSocket : IDisposable
{
    private nint handle;

    internal ZmqSocket(ZmqContext context, int type)
    {
        handle = ZmqNative.Socket(context.Handle, type);
        if (handle == 0) throw ZmqException.Last($"zmq_socket({type})");
        SetOption(ZmqNative.LINGER, 0);
    }

    internal nint Handle => handle != 0 ? handle : throw new ObjectDisposedException(nameof(ZmqSocket));

    public void Bind(string endpoint)
    {
        if (ZmqNative.Bind(Handle, endpoint) != 0) throw ZmqException.Last($"zmq_bind({endpoint})");
    }

    public void Connect(string endpoint)
    {
        if (ZmqNative.Connect(Handle, endpoint) != 0) throw ZmqException.Last($"zmq_connect({endpoint})");
    }

    public void SetOption(int option, int value)
    {
        if (ZmqNative.SetSockOpt(Handle, option, &value, sizeof(int)) != 0) throw ZmqException.Last($"zmq_setsockopt({option})");
    }

    public void SetOption(int option, byte[] value)
    {
        fixed (byte* p = value)
            if (ZmqNative.SetSockOpt(Handle, option, p, (nuint)value.Length) != 0) throw ZmqException.Last($"zmq_setsockopt({option})");
    }

    /// <summary>Sends every frame, all but the last with ZMQ_SNDMORE.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            int flags = i < frames.Count - 1 ? ZmqNative.SNDMORE : 0;
            fixed (byte* p = frames[i])
                while (ZmqNative.Send(Handle, p, (nuint)frames[i].Length, flags) < 0)
                    if (ZmqNative.Errno() != ZmqNative.EINTR) throw ZmqException.Last("zmq_send");
        }
    }

    /// <summary>Receives one whole multipart message (blocks; use <see cref="Poll"/> first to wait with a timeout).</summary>
    public List<byte[]> Receive()
    {
        var frames = new List<byte[]>();
        ZmqNative.Msg msg;
        while (true)
        {
            ZmqNative.MsgInit(&msg);
            try
            {
                while (ZmqNative.MsgRecv(&msg, Handle, 0) < 0)
                    if (ZmqNative.Errno() != ZmqNative.EINTR) throw ZmqException.Last("zmq_msg_recv");
                frames.Add(new ReadOnlySpan<byte>(ZmqNative.MsgData(&msg), (int)ZmqNative.MsgSize(&msg)).ToArray());
                if (ZmqNative.MsgMore(&msg) == 0) return frames;
            }
            finally { ZmqNative.MsgClose(&msg); }
        }
    }

    /// <summary>True when a message can be received within <paramref name="timeoutMs"/> milliseconds (-1: wait forever).</summary>
    public bool Poll(long timeoutMs) => PollAny([this], timeoutMs) >= 0;

    /// <summary>The index of the first of <paramref name="sockets"/> with a message waiting, or -1 after the timeout.</summary>
    public static int PollAny(IReadOnlyList<ZmqSocket> sockets, long timeoutMs)
    {
        var items = stackalloc ZmqNative.PollItem[sockets.Count];
        for (int i = 0; i < sockets.Count; i++) items[i] = new ZmqNative.PollItem { Socket = sockets[i].Handle, Events = ZmqNative.POLLIN };
        int n = ZmqNative.Poll(items, sockets.Count, timeoutMs);
        if (n < 0)
        {
            if (ZmqNative.Errno() == ZmqNative.EINTR) return -1;
            throw ZmqException.Last("zmq_poll");
        }
        for (int i = 0; i < sockets.Count; i++)
            if ((items[i].Revents & ZmqNative.POLLIN) != 0) return i;
        return -1;
    }

    public void Dispose()
    {
        if (handle == 0) return;
        ZmqNative.Close(handle);
        handle = 0;
    }
}
