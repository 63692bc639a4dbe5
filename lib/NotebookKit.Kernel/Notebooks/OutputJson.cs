using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookKit.Interactive;

namespace NotebookKit.Kernel.Notebooks;

/// <summary>
/// A kernel output as an nbformat output: text as line arrays, <c>image/png</c> as bare base64, JSON MIME types as
/// JSON values, <c>text/plain</c> always present; display ids are transient and not written.
/// </summary>
public static class OutputJson
{
    /// <summary>The nbformat JSON of <paramref name="output"/>; an update is written as the display_data it becomes.</summary>
    public static JsonObject From(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = NotebookJson.Lines(s.Text) },
        DisplayDataOutput d => Display(d.Data),
        UpdateDisplayDataOutput u => Display(u.Data),
        ExecuteResultOutput r => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = r.ExecutionCount, ["data"] = Data(r.Data), ["metadata"] = new JsonObject(),
        },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = e.EName, ["evalue"] = e.EValue,
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentException($"OutputJson.From: unknown output type {output.GetType().Name}."),
    };

    private static JsonObject Display(MimeBundle data) =>
        new() { ["output_type"] = "display_data", ["data"] = Data(data), ["metadata"] = new JsonObject() };

    private static JsonObject Data(MimeBundle bundle) => MimeData.ToJson(bundle, textAsLines: true);
}
