using NotebookKit.Interactive;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookKit.Kernel.Notebooks;

/// <summary>
/// An nbformat 4.5 notebook held as its JSON: reading normalises it (cell ids, <c>execution_count</c> and
/// <c>outputs</c> on code cells, line-array sources, NotebookKit's kernelspec and language_info, and the
/// <c>polyglot_notebook</c> kernel info with which VS Code's Polyglot Notebooks and .NET Interactive open it as C#) and
/// keeps every unknown field at every level; writing uses Jupyter's layout and is atomic (temp file + rename).
/// </summary>
/// <example><code>
/// var nb = Notebook.Load("notebooks/00-hello.ipynb");
/// foreach (var cell in nb.Cells.Where(c => c.IsCode)) Console.WriteLine(cell.Source);
/// nb.Save("out/00-hello.ipynb");
/// </code></example>
public sealed class Notebook
{
    private Notebook(JsonObject root)
    {
        Json = root;
        Normalise();
    }

    /// <summary>The notebook's JSON (cells are live views into it).</summary>
    public JsonObject Json { get; }

    public JsonObject Metadata => (JsonObject)Json["metadata"]!;

    public IReadOnlyList<NotebookCell> Cells => CellArray.Select(c => new NotebookCell((JsonObject)c!)).ToList();

    private JsonArray CellArray => (JsonArray)Json["cells"]!;

    public static Notebook Load(string path) => Parse(File.ReadAllText(path), path);

    public static Notebook Parse(string json, string? source = null)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{source ?? "notebook"}: not valid JSON ({e.Message})."); }
        if (root is not JsonObject o || o["cells"] is not JsonArray)
            throw new InvalidDataException($"{source ?? "notebook"}: not an nbformat notebook (no 'cells' array).");
        if (o["nbformat"]?.GetValue<int>() is int v && v != 4)
            throw new InvalidDataException($"{source ?? "notebook"}: nbformat {v}; only nbformat 4 is supported (convert with jupyter nbconvert --to notebook).");
        return new Notebook(o);
    }

    /// <summary>A new notebook holding <paramref name="cells"/>.</summary>
    public static Notebook Create(params NotebookCell[] cells) =>
        new(new JsonObject { ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c.Json).ToArray()), ["metadata"] = new JsonObject() });

    public string ToJson() => NotebookJson.Write(Json);

    /// <summary>Writes to a temporary file next to <paramref name="path"/>, then renames it: a reader never sees half a notebook.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    public void InsertCell(int index, NotebookCell cell) => CellArray.Insert(index, cell.Json);

    public void RemoveCell(NotebookCell cell) => CellArray.Remove(cell.Json);

    /// <summary>A cell id as nbformat 4.5 wants it: 1–64 characters of [a-zA-Z0-9-_]; ours are 12.</summary>
    public static string NewCellId() => Guid.NewGuid().ToString("N")[..12];

    private void Normalise()
    {
        Json["nbformat"] = 4;
        Json["nbformat_minor"] = Math.Max(5, Json["nbformat_minor"]?.GetValue<int>() ?? 0);
        var metadata = (JsonObject)(Json["metadata"] ??= new JsonObject());
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = "C# (NotebookKit)", ["language"] = "C#", ["name"] = "csharp-notebookkit",
        };
        var info = metadata["language_info"] as JsonObject ?? new JsonObject();
        info["name"] = "C#";
        info["file_extension"] = ".cs";
        info["mimetype"] = "text/x-csharp";
        info["pygments_lexer"] = "csharp";
        info["version"] = "13.0";
        metadata["language_info"] = info;
        // .NET Interactive (Polyglot Notebooks, Microsoft.DotNet.Interactive.Documents) reads the cells' language from here.
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp", ["languageName"] = "C#" }),
            },
        };

        var seen = new HashSet<string>();
        foreach (var json in CellArray.OfType<JsonObject>())
        {
            var id = json["id"]?.GetValue<string>();
            if (id == null || !IsValidId(id) || !seen.Add(id)) { id = NewCellId(); seen.Add(id); json["id"] = id; }
            json["metadata"] ??= new JsonObject();
            json["source"] = NotebookJson.Lines(NotebookJson.Text(json["source"]));
            if (json["cell_type"]?.GetValue<string>() == "code")
            {
                if (!json.ContainsKey("execution_count")) json["execution_count"] = null;
                json["outputs"] ??= new JsonArray();
            }
        }
    }

    private static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
