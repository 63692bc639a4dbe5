using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Running;

/// <summary>
/// Executes a notebook headlessly, as nbclient/papermill do: parameters injected, code cells run in order on one
/// <see cref="CSharpKernel"/>, outputs and timing written into the cells. Tags: <c>skip-execution</c> (not run,
/// outputs cleared), <c>raises-exception</c> (must throw; the run goes on). The run stops at the first unexpected
/// error; the notebook is saved (atomically) after every cell, so a failed or killed run leaves everything up to the
/// failing cell on disk and later cells untouched (outputs cleared).
/// </summary>
public static class NotebookRunner
{
    public const string SkipTag = "skip-execution", RaisesTag = "raises-exception";

    /// <summary>Runs <paramref name="inputPath"/> and writes the executed notebook to <paramref name="outputPath"/>.</summary>
    public static async Task<NotebookRunResult> RunFileAsync(string inputPath, string outputPath, RunOptions options, CancellationToken ct = default)
    {
        var notebook = Notebook.Load(inputPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var result = await RunAsync(notebook, folder, outputPath, options, ct);
        options.Reporter?.NotebookFinished(notebook, outputPath, result);
        return result;
    }

    /// <summary>Runs <paramref name="notebook"/> in place (relative <c>#r</c> paths resolve against <paramref name="folder"/>), saving to <paramref name="outputPath"/>.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, string folder, string outputPath, RunOptions options, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        foreach (var c in notebook.Cells) c.ClearOutputs();
        var overrides = new Dictionary<string, string>(options.Parameters);
        if (options.Fast) overrides[NotebookParameters.FastMode] = "true";
        IReadOnlyDictionary<string, string> parameters;
        try { parameters = NotebookParameters.Inject(notebook, overrides); }
        catch (ArgumentException e)
        {
            notebook.Save(outputPath);
            return new NotebookRunResult(false, null, null, $"ParameterError: {e.Message}", clock.Elapsed, new Dictionary<string, string>(), 0, false);
        }

        var kernel = new CSharpKernel(new KernelOptions { WorkingDirectory = folder, DefaultTimeout = options.CellTimeout });
        var displays = new Dictionary<string, JsonObject>();
        var cells = notebook.Cells;
        int run = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (!cell.IsCode || cell.HasTag(SkipTag)) continue;
            options.Reporter?.CellStarted(notebook, i, cell);
            var r = await kernel.ExecuteAsync(cell.Source, ct);
            run++;
            Record(cell, r, displays);
            notebook.Save(outputPath);
            options.Reporter?.CellFinished(notebook, i, cell, r);
            string? failure = (cell.HasTag(RaisesTag), r.Error) switch
            {
                (true, null) => $"CellDidNotRaise: the cell is tagged '{RaisesTag}' but ran without an error.",
                (true, { EName: "CompilationError" or "TimeoutException" or "KernelStuckException" }) => $"{r.Error.EName}: {r.Error.EValue}",
                (false, { } e) => $"{e.EName}: {e.EValue}",
                _ => null,
            };
            if (failure != null)
                return new NotebookRunResult(false, i, cell.Id, failure, clock.Elapsed, parameters, run, kernel.IsStuck);
        }
        notebook.Save(outputPath);
        return new NotebookRunResult(true, null, null, null, clock.Elapsed, parameters, run, false);
    }

    /// <summary>Writes the cell's outputs, count and nbclient-style timing; an update replaces the earlier output with its display id, in whichever cell.</summary>
    private static void Record(NotebookCell cell, CellResult r, Dictionary<string, JsonObject> displays)
    {
        var outputs = cell.Outputs;
        foreach (var o in r.Outputs)
        {
            var json = OutputJson.From(o);
            if (o is UpdateDisplayDataOutput u && displays.TryGetValue(u.DisplayId, out var shown))
            {
                var data = json["data"];
                json.Remove("data");
                shown["data"] = data;
                continue;
            }
            outputs.Add(json);
            if (o is DisplayDataOutput { DisplayId: { } id }) displays[id] = json;
            if (o is UpdateDisplayDataOutput { DisplayId: var uid }) displays[uid] = json; // shown before this run: becomes a display
        }
        cell.ExecutionCount = r.ExecutionCount;
        string start = Timestamp(r.Started), end = Timestamp(r.Started + r.Duration);
        cell.Metadata["execution"] = new JsonObject
        {
            ["iopub.status.busy"] = start, ["iopub.execute_input"] = start, ["shell.execute_reply"] = end, ["iopub.status.idle"] = end,
        };
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
