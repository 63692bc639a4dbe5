using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Notebooks;
using NotebookKit.Kernel.Running;
using static NotebookKit.Kernel.Tests.TestNotebooks;

namespace NotebookKit.Kernel.Tests.Running;

[Collection(nameof(KernelCollection))]
public class NotebookRunnerTests
{
    private const string Params = "int Epochs = 10;\nlong Steps = 5L;\nfloat lr = 1e-3f;\ndouble Beta = 0.5;\nbool FastMode = false;\nstring Name = \"vae\";\nvar Seed = 7;";

    private static async Task<(NotebookRunResult Result, Notebook Saved, string Path)> Run(
        TempDir dir, IReadOnlyDictionary<string, string>? parameters, params NotebookCell[] cells)
    {
        var input = Write(dir.Path, "nb.ipynb", cells);
        var output = Path.Combine(dir.Path, "out", "nb.ipynb");
        var r = await NotebookRunner.RunFileAsync(input, output, new RunOptions
        {
            Parameters = parameters ?? new Dictionary<string, string>(), CellTimeout = TimeSpan.FromSeconds(30),
        });
        return (r, Notebook.Load(output), output);
    }

    private static string Stdout(NotebookCell cell) =>
        string.Concat(cell.Outputs.OfType<JsonObject>().Where(o => o["name"]?.GetValue<string>() == "stdout")
            .Select(o => string.Concat(o["text"]!.AsArray().Select(l => l!.GetValue<string>()))));

    [Fact]
    public void DeclarationsAreReadWithTheirTypes()
    {
        var d = NotebookParameters.Declared(Params);
        Assert.Equal(["Epochs int", "Steps long", "lr float", "Beta double", "FastMode bool", "Name string", "Seed int"],
            d.Select(p => $"{p.Name} {p.Type}"));
    }

    [Fact]
    public async Task ParametersAreInjectedAfterTheParametersCellAsTypedAssignments()
    {
        using var dir = new TempDir();
        var (r, nb, _) = await Run(dir, new Dictionary<string, string>
            {
                ["Epochs"] = "1", ["Steps"] = "9", ["lr"] = "0.01", ["Beta"] = "2", ["FastMode"] = "true", ["Name"] = "a \"b\"",
            },
            Code(Params, "parameters"),
            Code("Console.WriteLine($\"{Epochs} {Steps} {lr} {Beta} {FastMode} {Name} {Seed}\");"));
        Assert.True(r.Passed, r.Error);
        Assert.True(nb.Cells[1].HasTag(NotebookParameters.InjectedTag));
        Assert.Contains("Epochs = 1;", nb.Cells[1].Source);
        Assert.Contains("Steps = 9L;", nb.Cells[1].Source);
        Assert.Contains("Name = \"a \\\"b\\\"\";", nb.Cells[1].Source);
        Assert.Equal("1 9 0.01 2 True a \"b\" 7\n", Stdout(nb.Cells[2]));
        Assert.Equal("1", r.Parameters["Epochs"]);
        Assert.Equal("7", r.Parameters["Seed"]);
    }

    [Fact]
    public async Task UnknownParameterIsAnErrorListingTheKnownOnes()
    {
        using var dir = new TempDir();
        var (r, _, _) = await Run(dir, new Dictionary<string, string> { ["Epoch"] = "1" }, Code(Params, "parameters"));
        Assert.False(r.Passed);
        Assert.Contains("unknown parameter 'Epoch'", r.Error);
        Assert.Contains("int Epochs", r.Error);
        Assert.Contains("bool FastMode", r.Error);
    }

    [Theory]
    [InlineData("Epochs", "1.5", "int")]
    [InlineData("FastMode", "yes", "bool")]
    [InlineData("Beta", "abc", "double")]
    public async Task BadValueIsAnErrorNamingParameterTypeAndValue(string name, string value, string type)
    {
        using var dir = new TempDir();
        var (r, _, _) = await Run(dir, new Dictionary<string, string> { [name] = value }, Code(Params, "parameters"));
        Assert.Contains($"parameter '{name}' is declared {type}", r.Error);
        Assert.Contains($"'{value}'", r.Error);
    }

    [Fact]
    public async Task TagsSkipAndExpectExceptions()
    {
        using var dir = new TempDir();
        var skipped = Code("Console.WriteLine(\"should not run\");", NotebookRunner.SkipTag);
        skipped.Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "stale" });
        var (r, nb, _) = await Run(dir, null,
            skipped,
            Code("throw new InvalidOperationException(\"expected\");", NotebookRunner.RaisesTag),
            Code("Console.WriteLine(\"after\");"));
        Assert.True(r.Passed, r.Error);
        Assert.Empty(nb.Cells[0].Outputs);
        Assert.Null(nb.Cells[0].ExecutionCount);
        Assert.Equal("error", nb.Cells[1].Outputs[0]!["output_type"]!.GetValue<string>());
        Assert.Equal("after\n", Stdout(nb.Cells[2]));

        var (notRaised, _, _) = await Run(dir, null, Code("var ok = 1;", NotebookRunner.RaisesTag), Code("2"));
        Assert.False(notRaised.Passed);
        Assert.Equal(0, notRaised.FailedCellIndex);
        Assert.StartsWith("CellDidNotRaise", notRaised.Error);
    }

    [Fact]
    public async Task FailureStopsTheRunAndStillWritesThePartialNotebook()
    {
        using var dir = new TempDir();
        var (r, nb, path) = await Run(dir, null,
            Markdown("# t"),
            Code("Console.WriteLine(\"one\");"),
            Code("int[] a = [1];\nConsole.WriteLine(a[3]);"),
            Code("Console.WriteLine(\"never\");"));
        Assert.False(r.Passed);
        Assert.Equal(2, r.FailedCellIndex);
        Assert.Equal(nb.Cells[2].Id, r.FailedCellId);
        Assert.StartsWith("IndexOutOfRangeException", r.Error);
        Assert.Equal("one\n", Stdout(nb.Cells[1]));
        var error = nb.Cells[2].Outputs.Single()!;
        // the frame names the cell; its line too when the runtime maps the throwing instruction to one
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>() is "   at cell [2], line 2" or "   at a cell");
        Assert.Null(nb.Cells[3].ExecutionCount);
        Assert.Empty(nb.Cells[3].Outputs);
        var timing = nb.Cells[1].Metadata["execution"]!;
        Assert.True(DateTime.Parse(timing["shell.execute_reply"]!.GetValue<string>()) >= DateTime.Parse(timing["iopub.execute_input"]!.GetValue<string>()));
        Assert.False(File.Exists(path + $".{Environment.ProcessId}.tmp"));
        if (NbformatAvailable) Assert.Null(SchemaErrors(path));
    }

    [Fact]
    public async Task UpdatesReplaceTheEarlierOutputInWhicheverCell()
    {
        using var dir = new TempDir();
        var (r, nb, path) = await Run(dir, null,
            Code("var h = display(\"first\");\nConsole.WriteLine(\"x\");"),
            Code("h.Update(\"final\");\ndisplay(\"other\");"));
        Assert.True(r.Passed, r.Error);
        var shown = nb.Cells[0].Outputs[0]!;
        Assert.Equal("final", shown["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Single(nb.Cells[1].Outputs);
        if (NbformatAvailable) Assert.Null(SchemaErrors(path));
    }

    [Fact]
    public async Task ResultsFileHoldsFiguresParametersSeedAndMachine()
    {
        using var dir = new TempDir();
        Results.Clear();
        var (r, _, path) = await Run(dir, new Dictionary<string, string> { ["Seed"] = "3" },
            Code("int Seed = 1;\ndouble lr = 0.1;", "parameters"),
            Code("Results.Record(\"loss\", 0.25);"));
        var outDir = Path.GetDirectoryName(path)!;
        ResultsFile.Merge(outDir, ResultsFile.Entry(Path.Combine(dir.Path, "nb.ipynb"), path, r, Results.All));
        ResultsFile.Merge(outDir, new JsonObject { ["notebook"] = "other.ipynb", ["status"] = "passed" });
        Results.Clear();
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")))!["notebooks"]!;
        Assert.Equal(2, root.AsObject().Count);
        var e = root["nb.ipynb"]!;
        Assert.Equal("passed", e["status"]!.GetValue<string>());
        Assert.Equal(0.25, e["results"]!["loss"]!.GetValue<double>());
        Assert.Equal(3, e["seed"]!.GetValue<long>());
        Assert.Equal(0.1, e["parameters"]!["lr"]!.GetValue<double>());
        Assert.Equal(Environment.ProcessorCount, e["machine"]!["cores"]!.GetValue<int>());
        Assert.NotNull(e["machine"]!["os"]);
        Assert.True(e["duration_seconds"]!.GetValue<double>() > 0);
        Assert.True(e.AsObject().ContainsKey("git_commit"));
    }
}
