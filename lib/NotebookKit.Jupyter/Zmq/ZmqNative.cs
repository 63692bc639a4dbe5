using System.Runtime.InteropServices;

namespace NotebookKit.Jupyter.Zmq;

/// <summary>
/// The few libzmq (4.x, Debian's <c>libzmq5</c>) entry points the kernel needs, bound by P/Invoke. Everything
/// above this file speaks <see cref="ZmqSocket"/>; nothing here re-implements ZeroMQ's wire protocol.
/// </summary>
internal static unsafe partial class ZmqNative
{
    private const string Lib = "libzmq.so.5";

    public const int PUB = 1, SUB = 2, REQ = 3, REP = 4, DEALER = 5, ROUTER = 6, PULL = 7, PUSH = 8;
    public const int SNDMORE = 2, DONTWAIT = 1;
    public const int LINGER = 17, SUBSCRIBE = 6, ROUTING_ID = 5;
    public const short POLLIN = 1;
    public const int EAGAIN = 11, EINTR = 4, ETERM = 156384712 + 53;

    /// <summary><c>zmq_msg_t</c>: 64 opaque bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Msg { private fixed byte bytes[64]; }

    /// <summary><c>zmq_pollitem_t</c> on POSIX: socket pointer, fd, events, revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public nint Socket;
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Lib, EntryPoint = "zmq_ctx_new")] public static partial nint CtxNew();
    [LibraryImport(Lib, EntryPoint = "zmq_ctx_term")] public static partial int CtxTerm(nint ctx);
    [LibraryImport(Lib, EntryPoint = "zmq_socket")] public static partial nint Socket(nint ctx, int type);
    [LibraryImport(Lib, EntryPoint = "zmq_close")] public static partial int Close(nint socket);
    [LibraryImport(Lib, EntryPoint = "zmq_bind", StringMarshalling = StringMarshalling.Utf8)] public static partial int Bind(nint socket, string endpoint);
    [LibraryImport(Lib, EntryPoint = "zmq_connect", StringMarshalling = StringMarshalling.Utf8)] public static partial int Connect(nint socket, string endpoint);
    [LibraryImport(Lib, EntryPoint = "zmq_setsockopt")] public static partial int SetSockOpt(nint socket, int option, void* value, nuint length);
    [LibraryImport(Lib, EntryPoint = "zmq_send")] public static partial int Send(nint socket, byte* buffer, nuint length, int flags);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_init")] public static partial int MsgInit(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_recv")] public static partial int MsgRecv(Msg* msg, nint socket, int flags);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_data")] public static partial byte* MsgData(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_size")] public static partial nuint MsgSize(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_more")] public static partial int MsgMore(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_close")] public static partial int MsgClose(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_poll")] public static partial int Poll(PollItem* items, int count, long timeoutMs);
    [LibraryImport(Lib, EntryPoint = "zmq_errno")] public static partial int Errno();
    [LibraryImport(Lib, EntryPoint = "zmq_strerror")] public static partial nint StrError(int errnum);

    /// <summary>The last error as libzmq words it.</summary>
    public static string LastError(out int errno)
    {
        errno = Errno();
        return Marshal.PtrToStringUTF8(StrError(errno)) ?? $"errno {errno}";
    }
}
