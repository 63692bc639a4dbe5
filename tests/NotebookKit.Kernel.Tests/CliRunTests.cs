using System.Text.Json.Nodes;
using NotebookKit.Kernel.Notebooks;
using static NotebookKit.Kernel.Tests.TestNotebooks;

namespace NotebookKit.Kernel.Tests;

/// <summary>The <c>notebookkit run</c> command end to end, and every notebook in notebooks/ run headlessly in fast mode.</summary>
public class CliRunTests
{
    [Fact]
    public void RunExecutesEachNotebookAndReportsTheFailure()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, "nbs")).FullName;
        Write(input, "a-pass.ipynb", Code("int Epochs = 5;", "parameters"),
            Code("NotebookKit.Interactive.Results.Record(\"epochs\", Epochs);\nConsole.WriteLine($\"epochs={Epochs}\");"));
        Write(input, "b-fail.ipynb", Code("int Epochs = 5;", "parameters"), Code("throw new Exception(\"boom\");"), Code("1"));
        var outDir = Path.Combine(dir.Path, "out");

        var (exit, output) = RunCli("run", input, "--out", outDir, "-p", "Epochs", "2", "--timeout", "60");

        Assert.Equal(1, exit);
        Assert.Matches(@"PASS\s+a-pass\.ipynb", output);
        Assert.Matches(@"FAIL\s+b-fail\.ipynb.*cell 3 of the executed notebook .*Exception: boom", output); // after the injected cell
        Assert.Contains("[a-pass] cell 2/3 started", output); // progress while running
        var passed = Notebook.Load(Path.Combine(outDir, "a-pass.ipynb"));
        Assert.Contains("epochs=2", passed.Cells[2].Outputs[0]!.ToJsonString());
        var failed = Notebook.Load(Path.Combine(outDir, "b-fail.ipynb"));
        Assert.Equal("error", failed.Cells[2].Outputs[0]!["output_type"]!.GetValue<string>());
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")))!["notebooks"]!;
        Assert.Equal(2.0, results["a-pass.ipynb"]!["results"]!["epochs"]!.GetValue<double>());
        Assert.Equal("failed", results["b-fail.ipynb"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void NuGetReferenceLoadsTorchSharpInTheRunner()
    {
        using var dir = new TempDir();
        var path = Write(dir.Path, "torch.ipynb", Code("#r \"nuget: TorchSharp-cpu, 0.107.0\""),
            Code("using TorchSharp;\nConsole.WriteLine(torch.ones(2, 3).sum().item<float>());"));
        var outDir = Path.Combine(dir.Path, "out");
        var (exit, output) = RunCli("run-one", path, "--out", outDir);
        Assert.True(exit == 0, output);
        var executed = Notebook.Load(Path.Combine(outDir, "torch.ipynb"));
        Assert.Equal("Installed TorchSharp-cpu 0.107.0\n", Text(executed.Cells[0]));
        Assert.Equal("6\n", Text(executed.Cells[1]));
    }

    private static string Text(NotebookCell cell) =>
        string.Concat(cell.Outputs.Select(o => o!["text"] is JsonArray a ? string.Concat(a.Select(t => t!.GetValue<string>())) : o["text"]?.GetValue<string>()));

    [Fact]
    public void UnknownOptionIsAnError()
    {
        var (exit, output) = RunCli("run", "nowhere", "--bogus", "1");
        Assert.NotEqual(0, exit);
        Assert.Contains("--bogus", output);
    }

    public static TheoryData<string> Notebooks() =>
        new(Directory.GetFiles(Path.Combine(RepoRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NotebookRunsInFastModeAndItsChecksPass(string name)
    {
        EnsureReleaseLibrary();
        using var dir = new TempDir();
        var (exit, output) = RunCli("run-one", Path.Combine(RepoRoot, "notebooks", name), "--out", dir.Path, "--fast");
        Assert.True(exit == 0, output);
        var executed = Notebook.Load(Path.Combine(dir.Path, name));
        var checks = executed.Cells.Where(c => c.HasTag("check")).ToList();
        Assert.True(checks.Count > 0, $"{name} has no cell tagged 'check' asserting its claims.");
        Assert.All(checks, c =>
        {
            Assert.NotNull(c.ExecutionCount);
            Assert.DoesNotContain(c.Outputs, o => o!["output_type"]!.GetValue<string>() == "error");
        });
        if (NbformatAvailable) Assert.Null(SchemaErrors(Path.Combine(dir.Path, name)));
        AssertFiguresAndImagesPresent(Notebook.Load(Path.Combine(RepoRoot, "notebooks", name)), executed, name);
        var page = File.ReadAllText(Path.Combine(dir.Path, Path.ChangeExtension(name, ".html")));
        Assert.Equal(RichOutputs(executed).Count(m => m == PlotlyMime), Count(page, "class=\"nbk-figure\""));
    }

    private const string PlotlyMime = "application/vnd.plotly.v1+json";

    // Every chart and image grid the committed (full-run) notebook shows must also come out of the fast run,
    // cell by cell, so a figure cannot silently disappear from a chapter.
    private static void AssertFiguresAndImagesPresent(Notebook committed, Notebook executed, string name)
    {
        foreach (var cell in committed.Cells.Where(c => c.IsCode))
        {
            var expected = RichOutputs(cell).ToList();
            if (expected.Count == 0) continue;
            var ran = executed.Cells.FirstOrDefault(c => c.Id == cell.Id);
            Assert.True(ran != null, $"{name}: cell {cell.Id} is missing from the executed notebook.");
            var actual = RichOutputs(ran!).ToList();
            foreach (var mime in expected.Distinct())
                Assert.True(actual.Count(m => m == mime) >= expected.Count(m => m == mime),
                    $"{name}: cell {cell.Id} shows {expected.Count(m => m == mime)}× {mime} in the committed notebook but {actual.Count(m => m == mime)}× in the fast run.");
        }
    }

    private static IEnumerable<string> RichOutputs(Notebook nb) => nb.Cells.SelectMany(RichOutputs);

    private static IEnumerable<string> RichOutputs(NotebookCell cell) =>
        cell.Outputs.OfType<JsonObject>()
            .Select(o => o["data"] as JsonObject)
            .Where(d => d != null)
            .SelectMany(d => d!.Select(kv => kv.Key).Where(k => k is PlotlyMime or "image/png").Take(1));

    private static int Count(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
