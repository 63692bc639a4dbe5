using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Running;

/// <summary>
/// <c>out/results.json</c>: one entry per notebook (<c>{"notebooks": {"00-hello.ipynb": {...}}}</c>) with its
/// <see cref="Results"/> figures, parameters, seed, duration, status, machine and git commit. Each notebook's process
/// merges its entry in under a lock file and writes atomically, so entries of one run accumulate.
/// </summary>
public static class ResultsFile
{
    public const string FileName = "results.json";

    /// <summary>The entry for one finished notebook.</summary>
    public static JsonObject Entry(string notebookPath, string outputPath, NotebookRunResult r, IReadOnlyList<KeyValuePair<string, double>> figures)
    {
        var parameters = new JsonObject();
        foreach (var (name, literal) in r.Parameters) parameters[name] = LiteralJson(literal);
        var results = new JsonObject();
        foreach (var (name, value) in figures) results[name] = double.IsFinite(value) ? value : value.ToString();
        return new JsonObject
        {
            ["notebook"] = Path.GetFileName(notebookPath),
            ["output"] = Path.GetFullPath(outputPath),
            ["status"] = r.Passed ? "passed" : "failed",
            ["failed_cell"] = r.FailedCellIndex is int i ? new JsonObject { ["index"] = i, ["id"] = r.FailedCellId } : null,
            ["error"] = r.Error,
            ["duration_seconds"] = Math.Round(r.Duration.TotalSeconds, 3),
            ["finished_at"] = DateTime.UtcNow.ToString("o"),
            ["parameters"] = parameters,
            ["seed"] = r.Parameters.TryGetValue("Seed", out var seed) ? LiteralJson(seed) : null,
            ["results"] = results,
            ["machine"] = MachineInfo.Describe(),
            ["git_commit"] = MachineInfo.GitCommit(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!),
        };
    }

    /// <summary>Adds or replaces <paramref name="entry"/> under its notebook's name in the results file of <paramref name="folder"/>.</summary>
    public static void Merge(string folder, JsonObject entry)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        using var _ = Lock(path + ".lock");
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? new JsonObject() : new JsonObject();
        var notebooks = root["notebooks"] as JsonObject ?? new JsonObject();
        root["notebooks"] = notebooks;
        notebooks[entry["notebook"]!.GetValue<string>()] = entry;
        AtomicFile.WriteAllText(path, NotebookJson.Write(root));
    }

    /// <summary>One notebook's entry, or null.</summary>
    public static JsonObject? Read(string folder, string notebookName)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? (JsonNode.Parse(File.ReadAllText(path))?["notebooks"]?[notebookName] as JsonObject) : null;
    }

    private static FileStream Lock(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (attempt < 200) { Thread.Sleep(50); }
        }
    }

    // C# literal → JSON value: 1 → 1, 1e-3d → 0.001, true → true, "x" → "x".
    private static JsonNode? LiteralJson(string literal)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var t = literal.Trim();
        if (t is "true" or "false") return t == "true";
        if (long.TryParse(t.TrimEnd('L', 'l'), System.Globalization.NumberStyles.Integer, inv, out var l)) return l;
        if (double.TryParse(t.TrimEnd('d', 'D', 'f', 'F'), System.Globalization.NumberStyles.Float, inv, out var d)) return d;
        if (t.StartsWith('"') && t.EndsWith('"') && t.Length >= 2)
            try { return JsonNode.Parse(t); } catch (System.Text.Json.JsonException) { }
        return t;
    }
}
