using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Tests.Notebooks;

public class NotebookTests
{
    private const string Nbformat42 = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {"custom": {"keep": [1, 2]}}, "source": "# Title\nline two"},
          {"cell_type": "code", "metadata": {"collapsed": false}, "source": ["var x = 1;\n", "x"]},
          {"cell_type": "code", "id": "dup", "metadata": {}, "source": "1", "execution_count": 3,
           "outputs": [{"output_type": "stream", "name": "stdout", "text": "a\nb\n"},
                       {"output_type": "display_data", "data": {"text/plain": "p"}, "metadata": {"custom": "kept"}}]},
          {"cell_type": "code", "id": "dup", "metadata": {}, "source": [], "outputs": []}
        ],
        "metadata": {"custom_top_level": true, "authors": ["someone"], "kernelspec": {"name": ".net-csharp"}, "language_info": {"name": "C#", "codemirror_mode": "csharp"}},
        "nbformat": 4, "nbformat_minor": 2}
        """;

    [Fact]
    public void ReadingNormalises()
    {
        var nb = Notebook.Parse(Nbformat42);
        var ids = nb.Cells.Select(c => c.Id).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9_-]{8,64}$|^dup$", id));
        Assert.Equal("dup", ids[2]);
        Assert.Equal("# Title\nline two", nb.Cells[0].Source);
        Assert.Equal("var x = 1;\nx", nb.Cells[1].Source);
        Assert.Null(nb.Cells[1].ExecutionCount);
        Assert.True(nb.Cells[1].Json.ContainsKey("execution_count"));
        Assert.Equal(5, nb.Json["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("csharp-notebookkit", nb.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", nb.Metadata["language_info"]!["mimetype"]!.GetValue<string>());
        Assert.Equal("csharp", nb.Metadata["language_info"]!["codemirror_mode"]!.GetValue<string>());
        var json = nb.ToJson();
        Assert.Contains("\"source\": [\n    \"var x = 1;\\n\",\n    \"x\"\n   ]", json);
    }

    [Fact]
    public void RoundTripOfANormalisedNotebookIsByteForByte()
    {
        var once = Notebook.Parse(Nbformat42).ToJson();
        var twice = Notebook.Parse(once).ToJson();
        Assert.Equal(once, twice);
        var root = JsonNode.Parse(twice)!;
        Assert.True(root["metadata"]!["custom_top_level"]!.GetValue<bool>());
        Assert.Equal("someone", root["metadata"]!["authors"]![0]!.GetValue<string>());
        Assert.Equal(2, root["cells"]![0]!["metadata"]!["custom"]!["keep"]![1]!.GetValue<int>());
        Assert.False(root["cells"]![1]!["metadata"]!["collapsed"]!.GetValue<bool>());
        Assert.Equal("kept", root["cells"]![2]!["outputs"]![1]!["metadata"]!["custom"]!.GetValue<string>());
    }

    [Fact]
    public void NormalisingAddsPolyglotKernelInfoAndKeepsAnExistingOne()
    {
        var info = Notebook.Parse(Nbformat42).Metadata["polyglot_notebook"]!["kernelInfo"]!;
        Assert.Equal("csharp", info["defaultKernelName"]!.GetValue<string>());
        var item = Assert.Single(info["items"]!.AsArray())!;
        Assert.Equal(("csharp", "C#"), (item["name"]!.GetValue<string>(), item["languageName"]!.GetValue<string>()));

        var own = Nbformat42.Replace("\"custom_top_level\": true", "\"custom_top_level\": true, \"polyglot_notebook\": {\"kernelInfo\": {\"defaultKernelName\": \"fsharp\"}}");
        Assert.Equal("fsharp", Notebook.Parse(own).Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
    }

    [Fact]
    public void EveryCourseNotebookCarriesBothKernelsMetadata()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(TestNotebooks.RepoRoot, "notebooks"), "*.ipynb"))
        {
            var metadata = JsonNode.Parse(File.ReadAllText(path))!["metadata"]!;
            Assert.True(metadata["kernelspec"]?["name"]?.GetValue<string>() == "csharp-notebookkit", $"{path}: kernelspec is not csharp-notebookkit");
            Assert.True(JsonNode.DeepEquals(Notebook.Parse("{\"cells\": []}").Metadata["polyglot_notebook"], metadata["polyglot_notebook"]),
                $"{path}: no polyglot_notebook kernel info (run /usr/bin/python3 tools/notebooks/add_polyglot_metadata.py {path})");
        }
    }

    [Fact]
    public void SavedSampleNotebookIsAlreadyNormalised()
    {
        var path = Path.Combine(TestNotebooks.RepoRoot, "notebooks", "00-hello.ipynb");
        Assert.Equal(File.ReadAllText(path), Notebook.Load(path).ToJson());
    }

    [Fact]
    public void OutputsUseNbformatShapes()
    {
        var bundle = new MimeBundle().Set("text/plain", "two\nlines").Set("image/png", "iVBO\nRw0K")
            .Set("application/vnd.plotly.v1+json", """{"data": [1, 2]}""");
        var display = OutputJson.From(new DisplayDataOutput(bundle, "id-1"));
        Assert.Equal("display_data", display["output_type"]!.GetValue<string>());
        Assert.False(display.ContainsKey("transient"));
        Assert.DoesNotContain("id-1", display.ToJsonString());
        Assert.Equal(2, display["data"]!["text/plain"]!.AsArray().Count);
        Assert.Equal("iVBORw0K", display["data"]!["image/png"]!.GetValue<string>());
        Assert.Equal(2, display["data"]!["application/vnd.plotly.v1+json"]!["data"]![1]!.GetValue<int>());
        var noText = OutputJson.From(new ExecuteResultOutput(new MimeBundle().Set("text/html", "<b>x</b>"), 4));
        Assert.True(noText["data"]!.AsObject().ContainsKey("text/plain"));
        Assert.Equal(4, noText["execution_count"]!.GetValue<int>());
        var error = OutputJson.From(new ErrorOutput("E", "v", ["E: v", "   at cell [1], line 2"]));
        Assert.Equal(2, error["traceback"]!.AsArray().Count);
    }

    [NbformatFact]
    public void WrittenNotebooksValidateAgainstTheNbformatSchema()
    {
        using var dir = new TempDir();
        var nb = Notebook.Parse(Nbformat42);
        var cell = nb.Cells[1];
        var bundle = new MimeBundle().Set("text/plain", "x").Set("application/json", "[1]").Set("image/png", "iVBORw0KGgo=");
        foreach (var o in new CellOutput[]
                 {
                     new StreamOutput("stderr", "w\n"), new DisplayDataOutput(bundle, "d"), new ExecuteResultOutput(bundle, 1),
                     new ErrorOutput("InvalidOperationException", "bad", ["InvalidOperationException: bad"]),
                 })
            cell.Outputs.Add(OutputJson.From(o));
        cell.ExecutionCount = 1;
        var path = Path.Combine(dir.Path, "all-outputs.ipynb");
        nb.Save(path);
        var errors = TestNotebooks.SchemaErrors(path);
        Assert.True(errors == null, errors);
    }
}
