using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookKit.Kernel.Notebooks;
using Xunit.Abstractions;
using static NotebookKit.Jupyter.Tests.JupyterEnvironment;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// Every notebook in notebooks/ in fast mode through real Jupyter machinery (nbclient) with Microsoft's dotnet-interactive
/// kernel (<c>.net-csharp</c>) instead of NotebookKit's: the same prepared .ipynb plus one cell in front,
/// <see cref="FSharpCorePin"/>. Every code cell runs with no error and nothing but compiler warnings on stderr, every check cell passes, and the
/// charts and image grids come out with their MIME types — as many as the committed full run shows.
/// </summary>
/// <remarks>
/// Why the pin: dotnet-interactive 1.0.712001 runs with its own FSharp.Core (assembly 10.0.0.0, for its F# kernel), while
/// <c>#r "nuget: Plotly.NET.CSharp"</c> restores FSharp.Core 10.1.403 (Plotly.NET 6.0.0 asks for ≥ 10.1.403), so a
/// cell that builds a chart is compiled against 10.1.0.0 and fails to load it ("Could not load file or assembly
/// 'FSharp.Core, Version=10.1.0.0'") — with or without NotebookKit. Restoring FSharp.Core 10.0.111 first makes cells
/// compile against the copy the tool has. NotebookKit's own kernel needs no pin (its restore would reject the downgrade),
/// so the notebooks do not carry it; <see cref="WithoutThePinTheFirstChartFails"/> notices when the tool no longer needs it.
/// </remarks>
[Collection(JupyterClientsCollection.Name)]
public class NotebooksThroughDotNetInteractiveTests(ITestOutputHelper log)
{
    private const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>The cell a dotnet-interactive user runs first (see the remarks).</summary>
    public const string FSharpCorePin = "#r \"nuget: FSharp.Core, 10.0.111\"";

    public static TheoryData<string> Notebooks() => CourseNotebooks();

    [DotNetInteractiveTheory]
    [MemberData(nameof(Notebooks))]
    public void NotebookRunsInDotNetInteractiveThroughJupyter(string name)
    {
        EnsureReleaseLibrary();
        using var dir = new TempDir();
        var folder = Path.Combine(RepoRoot, "notebooks");
        string prepared = Path.Combine(dir.Path, "prepared.ipynb"), executed = Path.Combine(dir.Path, "executed.ipynb");
        NotebookKit.Testing.CourseNotebooks.PrepareFast(name, prepared);
        var pinned = Notebook.Load(prepared);
        pinned.InsertCell(0, NotebookCell.Create("code", FSharpCorePin));
        pinned.Save(prepared);

        var started = DateTime.UtcNow;
        var nbclient = RunThroughDotNetInteractive(prepared, executed);
        log.WriteLine($"{name} through .net-csharp: {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        Assert.True(nbclient.Exit == 0, "nbclient with .net-csharp failed:\n" + nbclient.Output);

        var cells = Notebook.Load(executed).Cells.Where(c => c.IsCode).Skip(1).ToList();
        var outputs = new List<JsonObject>();
        for (int i = 0; i < cells.Count; i++)
        {
            Assert.True(cells[i].ExecutionCount != null, $"{name}, code cell {i + 1} did not run");
            foreach (var o in cells[i].Outputs.OfType<JsonObject>())
            {
                var type = o["output_type"]!.GetValue<string>();
                Assert.True(type != "error", $"{name}, code cell {i + 1}: {o["ename"]}: {o["evalue"]}");
                // dotnet-interactive sends compiler warnings (CS1701 for TorchSharp's System.Runtime.Numerics 8.0, CS8632) to stderr.
                if (type == "stream" && o["name"]!.GetValue<string>() == "stderr")
                    Assert.All(Text(o["text"]).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                        line => Assert.Matches(@"warning CS\d{4}:", line));
                if (o["data"] is JsonObject data) outputs.Add(data);
            }
        }
        var committed = Notebook.Load(Path.Combine(folder, name));
        Assert.Equal(committed.Cells.Count(c => c.HasTag("check")), cells.Count(c => c.HasTag("check")));

        var charts = outputs.Where(d => d.ContainsKey(Plotly)).ToList();
        var grids = outputs.Where(d => Html(d).Contains("class=\"nbkit-grid\"")).ToList();
        var committedData = committed.Cells.SelectMany(c => c.Outputs).OfType<JsonObject>().Select(o => o["data"]).OfType<JsonObject>().ToList();
        Assert.True(charts.Count >= committedData.Count(d => d.ContainsKey(Plotly)), $"{name}: {charts.Count} charts");
        Assert.True(grids.Count >= committedData.Count(d => Html(d).Contains("nbkit-grid")), $"{name}: {grids.Count} image grids");
        foreach (var chart in charts)
        {
            Assert.Equal([Plotly, "text/html", "text/plain"], chart.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
            // dotnet-interactive's Jupyter layer parses only application/json, so the figure arrives as JSON text.
            var figure = chart[Plotly]!.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(chart[Plotly]!.GetValue<string>())! : chart[Plotly]!;
            Assert.NotNull(figure["data"]?.AsArray());
            Assert.Contains("Plotly.newPlot", Html(chart));
        }
        Assert.All(grids, g => Assert.Contains("<img src=\"data:image/png;base64,", Html(g)));
    }

    [DotNetInteractiveTheory]
    [InlineData("01-gradient-descent.ipynb")]
    public void WithoutThePinTheFirstChartFails(string name)
    {
        EnsureReleaseLibrary();
        using var dir = new TempDir();
        string prepared = Path.Combine(dir.Path, "prepared.ipynb"), executed = Path.Combine(dir.Path, "executed.ipynb");
        NotebookKit.Testing.CourseNotebooks.PrepareFast(name, prepared);
        var nbclient = RunThroughDotNetInteractive(prepared, executed);
        Assert.True(nbclient.Exit != 0 && nbclient.Output.Contains("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0"),
            "dotnet-interactive ran the notebook without the FSharp.Core pin: drop FSharpCorePin and this test, and the note in NOTES/README.\n" + nbclient.Output);
    }

    // nbclient runs the prepared notebook in the .net-csharp kernel, working directory notebooks/ (so "../lib" resolves).
    private static (int Exit, string Output) RunThroughDotNetInteractive(string prepared, string executed) =>
        RunJupyterClient([Path.Combine(RepoRoot, "tests/jupyter/execute_notebook.py"), prepared, executed, Path.Combine(RepoRoot, "notebooks"), "900", ".net-csharp"],
            env: DotNetInteractiveTool.KernelEnvironment());

    private static string Html(JsonObject data) => Text(data["text/html"]);

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}
