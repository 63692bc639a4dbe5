using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;
using NotebookKit.Kernel;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Jupyter;

// execute_request: the cell runs on the core (CSharpKernel.ExecuteAsync) and every output is published on iopub
// the moment the core reports it, so a training loop's chart updates while the loop runs.
public sealed partial class KernelServer
{
    private int executionCount;
    private CancellationTokenSource? running;

    private void Execute(JupyterMessage msg, Action<string, JsonObject> reply, Action<JupyterMessage> send)
    {
        var c = msg.Content;
        var code = Text(c, "code");
        bool silent = c["silent"]?.GetValue<bool>() ?? false;
        bool storeHistory = !silent && (c["store_history"]?.GetValue<bool>() ?? true);
        if (storeHistory) executionCount++;
        int n = executionCount;
        if (!silent) Publish(msg, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = n });

        using var cts = new CancellationTokenSource();
        Interlocked.Exchange(ref running, cts);
        CellResult result;
        try { result = kernel.ExecuteAsync(code, cts.Token, o => { if (!silent) PublishOutput(msg, o, n); }).GetAwaiter().GetResult(); }
        finally { Interlocked.Exchange(ref running, null); }

        if (result.Error is { } e)
        {
            // Before the reply: a client may send its next cell as soon as it has the reply, and that one must run.
            if (c["stop_on_error"]?.GetValue<bool>() ?? true) AbortQueued(send);
            reply("execute_reply", new JsonObject
            {
                ["status"] = "error", ["execution_count"] = n, ["ename"] = e.EName, ["evalue"] = e.EValue,
                ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)l).ToArray()),
            });
        }
        else
            reply("execute_reply", Ok(("execution_count", n), ("user_expressions", new JsonObject()), ("payload", new JsonArray())));
    }

    /// <summary>Asks the running cell to stop (the core requests <c>KernelInterrupt</c> and reports the cell cancelled).</summary>
    private void Interrupt()
    {
        var cts = Volatile.Read(ref running);
        if (cts == null) return;
        Log.Write("interrupting the running cell.");
        try { cts.Cancel(); }
        catch (ObjectDisposedException) { } // the cell just finished
    }

    /// <summary>After an error, cells already queued behind it (a "run all") are answered <c>aborted</c>, as ipykernel does.</summary>
    private void AbortQueued(Action<JupyterMessage> send)
    {
        var keep = new List<JupyterMessage>();
        while (shellQueue.TryTake(out var next))
        {
            if (next.MsgType != "execute_request") { keep.Add(next); continue; }
            Publish(next, "status", new JsonObject { ["execution_state"] = "busy" });
            send(JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = executionCount }, session, next));
            Publish(next, "status", new JsonObject { ["execution_state"] = "idle" });
        }
        foreach (var m in keep) shellQueue.Add(m);
    }

    private void PublishOutput(JupyterMessage parent, CellOutput output, int n)
    {
        try
        {
            switch (output)
            {
                case StreamOutput s:
                    Publish(parent, "stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text });
                    break;
                case DisplayDataOutput d:
                    Publish(parent, "display_data", DisplayContent(d.Data, d.DisplayId));
                    break;
                case UpdateDisplayDataOutput u:
                    Publish(parent, "update_display_data", DisplayContent(u.Data, u.DisplayId));
                    break;
                case ExecuteResultOutput r:
                    Publish(parent, "execute_result", new JsonObject
                    {
                        ["execution_count"] = n, ["data"] = MimeData.ToJson(r.Data, textAsLines: false), ["metadata"] = new JsonObject(),
                    });
                    break;
                case ErrorOutput e:
                    Publish(parent, "error", new JsonObject
                    {
                        ["ename"] = e.EName, ["evalue"] = e.EValue, ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)l).ToArray()),
                    });
                    break;
            }
        }
        catch (InvalidDataException e) // a formatter wrote invalid JSON: say so in the cell instead of losing the output
        {
            Publish(parent, "stream", new JsonObject { ["name"] = "stderr", ["text"] = e.Message + "\n" });
        }
    }

    private static JsonObject DisplayContent(NotebookKit.Interactive.MimeBundle data, string? displayId) => new()
    {
        ["data"] = MimeData.ToJson(data, textAsLines: false), ["metadata"] = new JsonObject(),
        ["transient"] = displayId == null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
    };
}
