using System.Text.Json.Nodes;

namespace NotebookKit.Kernel.Notebooks;

/// <summary>
/// One cell of a <see cref="Notebook"/>: a live view of its JSON, so metadata and fields this type does not know
/// survive a read and write untouched.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json) => Json = json;

    /// <summary>The cell's nbformat JSON.</summary>
    public JsonObject Json { get; }

    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";
    public bool IsCode => CellType == "code";
    public string Id => Json["id"]?.GetValue<string>() ?? "";

    /// <summary>The source as one string (stored as a line array).</summary>
    public string Source
    {
        get => NotebookJson.Text(Json["source"]);
        set => Json["source"] = NotebookJson.Lines(value);
    }

    public JsonObject Metadata => (JsonObject)(Json["metadata"] ??= new JsonObject());

    /// <summary><c>metadata.tags</c> (papermill's <c>parameters</c>, nbclient's <c>raises-exception</c>, …).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>The code cell's outputs (nbformat JSON).</summary>
    public JsonArray Outputs => (JsonArray)(Json["outputs"] ??= new JsonArray());

    public int? ExecutionCount
    {
        get => Json["execution_count"]?.GetValue<int>();
        set => Json["execution_count"] = value;
    }

    /// <summary>Forgets a previous run: no outputs, no count, no timing.</summary>
    public void ClearOutputs()
    {
        if (!IsCode) return;
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
        Metadata.Remove("execution");
    }

    /// <summary>A new cell with a fresh id.</summary>
    public static NotebookCell Create(string cellType, string source, params string[] tags)
    {
        var json = new JsonObject { ["cell_type"] = cellType, ["id"] = Notebook.NewCellId(), ["metadata"] = new JsonObject() };
        if (tags.Length > 0) json["metadata"]!["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        if (cellType == "code") { json["execution_count"] = null; json["outputs"] = new JsonArray(); }
        return new NotebookCell(json) { Source = source };
    }
}
