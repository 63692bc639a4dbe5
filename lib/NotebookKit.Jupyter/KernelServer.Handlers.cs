using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;
using NotebookKit.Kernel.Assist;

namespace NotebookKit.Jupyter;

// The request handlers other than execute: kernel info, interrupt, shutdown, is_complete, complete, inspect, and
// the empty answers (comms, history).
public sealed partial class KernelServer
{
    /// <summary>Handles one request between iopub busy and idle; <paramref name="send"/> sends on the channel it came from.</summary>
    private void Dispatch(JupyterMessage msg, Action<JupyterMessage> send)
    {
        Publish(msg, "status", new JsonObject { ["execution_state"] = "busy" });
        try
        {
            void Reply(string type, JsonObject content) => send(JupyterMessage.Create(type, content, session, msg));
            var c = msg.Content;
            switch (msg.MsgType)
            {
                case "kernel_info_request": Reply("kernel_info_reply", KernelInfo()); break;
                case "execute_request": Execute(msg, Reply, send); break;
                case "interrupt_request":
                    Interrupt();
                    Reply("interrupt_reply", Ok());
                    break;
                case "shutdown_request": Shutdown(msg, Reply); break;
                case "is_complete_request": Reply("is_complete_reply", IsComplete(Text(c, "code"))); break;
                case "complete_request": Reply("complete_reply", Complete(Text(c, "code"), c["cursor_pos"]?.GetValue<int>())); break;
                case "inspect_request": Reply("inspect_reply", Inspect(Text(c, "code"), c["cursor_pos"]?.GetValue<int>())); break;
                case "comm_info_request": Reply("comm_info_reply", Ok(("comms", new JsonObject()))); break;
                case "history_request": Reply("history_reply", Ok(("history", new JsonArray()))); break;
                case "comm_open" or "comm_msg" or "comm_close": Log.Write($"ignored {msg.MsgType}: this kernel has no comm targets."); break;
                default: Log.Write($"ignored unknown request '{msg.MsgType}'."); break;
            }
        }
        catch (Exception e) { Log.Write($"{msg.MsgType} failed: {e}"); }
        finally { Publish(msg, "status", new JsonObject { ["execution_state"] = "idle" }); }
    }

    private static JsonObject KernelInfo() => Ok(
        ("protocol_version", JupyterMessage.ProtocolVersion),
        ("implementation", "notebookkit"),
        ("implementation_version", typeof(KernelServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
        ("language_info", new JsonObject
        {
            ["name"] = "C#", ["version"] = "13.0", ["mimetype"] = "text/x-csharp", ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp", ["codemirror_mode"] = "text/x-csharp",
        }),
        ("banner", $"NotebookKit C# kernel (Roslyn scripting, .NET {Environment.Version}). display(x) shows a value; " +
                   "KernelInterrupt.ThrowIfInterrupted() lets a long loop stop on interrupt."),
        ("help_links", new JsonArray(new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" })),
        ("debugger", false));

    private void Shutdown(JupyterMessage msg, Action<string, JsonObject> reply)
    {
        bool restart = msg.Content["restart"]?.GetValue<bool>() ?? false;
        Log.Write(restart ? "shutdown for restart requested." : "shutdown requested.");
        RestartRequested = restart;
        Interrupt();
        var content = Ok(("restart", restart));
        reply("shutdown_reply", content);
        Publish(msg, "shutdown_reply", (JsonObject)content.DeepClone()); // as ipykernel: other clients learn of it
        stopping = true;
    }

    private static JsonObject IsComplete(string code) => Submissions.Check(code) switch
    {
        SubmissionStatus.Incomplete => new JsonObject { ["status"] = "incomplete", ["indent"] = Submissions.NextIndent(code) },
        SubmissionStatus.Invalid => new JsonObject { ["status"] = "invalid" },
        _ => new JsonObject { ["status"] = "complete" },
    };

    private JsonObject Complete(string code, int? cursorPos)
    {
        int cursor = CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code));
        var r = kernel.Complete(code, cursor);
        return Ok(("matches", new JsonArray(r.Matches.Select(m => (JsonNode?)m).ToArray())),
            ("cursor_start", CodePoints.FromUtf16(code, r.Start)), ("cursor_end", CodePoints.FromUtf16(code, r.End)),
            ("metadata", new JsonObject()));
    }

    private JsonObject Inspect(string code, int? cursorPos)
    {
        var text = kernel.Inspect(code, CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code)));
        return Ok(("found", text != null),
            ("data", text == null ? new JsonObject() : new JsonObject { ["text/plain"] = text }), ("metadata", new JsonObject()));
    }

    private static string Text(JsonObject content, string name) => content[name]?.GetValue<string>() ?? "";

    private static JsonObject Ok(params (string Name, JsonNode? Value)[] fields)
    {
        var o = new JsonObject { ["status"] = "ok" };
        foreach (var (name, value) in fields) o[name] = value;
        return o;
    }
}
