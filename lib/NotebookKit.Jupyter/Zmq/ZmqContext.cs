namespace NotebookKit.Jupyter.Zmq;

/// <summary>A libzmq context (<c>zmq_ctx_new</c>); disposing terminates it once every socket is closed.</summary>
public sealed class ZmqContext : IDisposable
{
    private nint handle;

    public ZmqContext()
    {
        try { handle = ZmqNative.CtxNew(); }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                "libzmq.so.5 is missing: install Debian's libzmq5 (bash environment/setup-jupyter.sh) to run the Jupyter kernel.", e);
        }
        if (handle == 0) throw ZmqException.Last("zmq_ctx_new");
    }

    internal nint Handle => handle != 0 ? handle : throw new ObjectDisposedException(nameof(ZmqContext));

    /// <summary>A new socket of <paramref name="type"/> (<see cref="ZmqNative.ROUTER"/>, …) with linger 0, so closing never blocks.</summary>
    public ZmqSocket Socket(int type) => new(this, type);

    public void Dispose()
    {
        if (handle == 0) return;
        while (ZmqNative.CtxTerm(handle) != 0 && ZmqNative.Errno() == ZmqNative.EINTR) { }
        handle = 0;
    }
}
