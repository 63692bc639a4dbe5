using NotebookKit.Jupyter.Zmq;

namespace NotebookKit.Jupyter;

/// <summary>The heartbeat channel: a REP socket on its own thread echoing every message, so front ends see the kernel alive while a cell runs.</summary>
internal sealed class Heartbeat(ZmqContext context, string endpoint)
{
    private volatile bool stopping;
    private Thread? running;

    public void Start()
    {
        var ready = new ManualResetEventSlim();
        Exception? failure = null;
        running = new Thread(() => Loop(ready, e => failure = e)) { IsBackground = true, Name = "jupyter heartbeat" };
        running.Start();
        ready.Wait();
        if (failure != null) throw failure;
    }

    public void Stop()
    {
        stopping = true;
        running?.Join(TimeSpan.FromSeconds(2));
    }

    private void Loop(ManualResetEventSlim ready, Action<Exception> fail)
    {
        ZmqSocket socket;
        try
        {
            socket = context.Socket(ZmqNative.REP);
            socket.Bind(endpoint);
        }
        catch (Exception e) { fail(e); ready.Set(); return; }
        ready.Set();
        using (socket)
            while (!stopping)
            {
                try { if (socket.Poll(100)) socket.Send(socket.Receive()); }
                catch (ZmqException e) { Log.Write($"heartbeat: {e.Message}"); if (e.IsTerminated) return; }
            }
    }
}
