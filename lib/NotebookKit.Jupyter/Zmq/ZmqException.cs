namespace NotebookKit.Jupyter.Zmq;

/// <summary>A libzmq call failed; <see cref="Errno"/> is zmq_errno() and the message names the call and the endpoint.</summary>
public sealed class ZmqException(string message, int errno) : Exception(message)
{
    public int Errno { get; } = errno;

    /// <summary>The context was terminated (shutdown): loops end quietly on this.</summary>
    public bool IsTerminated => Errno == ZmqNative.ETERM;

    internal static ZmqException Last(string what)
    {
        var text = ZmqNative.LastError(out int errno);
        return new ZmqException($"{what}: {text}", errno);
    }
}
