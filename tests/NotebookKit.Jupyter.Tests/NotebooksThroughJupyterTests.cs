using System.Text.Json.Nodes;
using NotebookKit.Kernel.Notebooks;
using Xunit.Abstractions;
using static NotebookKit.Jupyter.Tests.JupyterEnvironment;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// Every notebook in notebooks/ in fast mode through real Jupyter (nbclient starting this kernel from its
/// kernelspec), compared with the headless runner's run of the same notebook: the same kinds of outputs per cell
/// (output types, stream names, MIME types, error names), and every check cell passing.
/// </summary>
[Collection(JupyterClientsCollection.Name)]
public class NotebooksThroughJupyterTests(ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks() => CourseNotebooks();

    [JupyterTheory]
    [MemberData(nameof(Notebooks))]
    public void NotebookRunsThroughJupyterWithTheSameOutputsAsTheHeadlessRunner(string name)
    {
        EnsureReleaseLibrary();
        using var dir = new TempDir();
        var jupyterPath = InstallKernelSpec(Path.Combine(dir.Path, "prefix"));
        var folder = Path.Combine(RepoRoot, "notebooks");
        var source = Path.Combine(folder, name);
        string prepared = Path.Combine(dir.Path, "prepared.ipynb"), viaJupyter = Path.Combine(dir.Path, "jupyter.ipynb");
        var headlessDir = Directory.CreateDirectory(Path.Combine(dir.Path, "headless")).FullName;

        NotebookKit.Testing.CourseNotebooks.PrepareFast(name, prepared);
        var nbclient = RunJupyterClient([Path.Combine(RepoRoot, "tests/jupyter/execute_notebook.py"), prepared, viaJupyter, folder],
            env: new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath, ["JUPYTER_DATA_DIR"] = jupyterPath });
        Assert.True(nbclient.Exit == 0, "nbclient failed:\n" + nbclient.Output);
        var headless = Run("dotnet", [CliDll, "run-one", source, "--out", headlessDir, "--fast"]);
        Assert.True(headless.Exit == 0, "headless run failed:\n" + headless.Output);

        var jupyterCells = Notebook.Load(viaJupyter).Cells.Where(c => c.IsCode).ToList();
        var headlessCells = Notebook.Load(Path.Combine(headlessDir, name)).Cells.Where(c => c.IsCode).ToList();
        Assert.Equal(headlessCells.Count, jupyterCells.Count);
        for (int i = 0; i < jupyterCells.Count; i++)
        {
            var (j, h) = (Kinds(jupyterCells[i]), Kinds(headlessCells[i]));
            log.WriteLine($"code cell {i + 1}: {string.Join(", ", j)}");
            Assert.True(h.SequenceEqual(j), $"{name}, code cell {i + 1}:\n  headless: {string.Join(", ", h)}\n  jupyter:  {string.Join(", ", j)}");
        }
        var checks = jupyterCells.Where(c => c.HasTag("check")).ToList();
        Assert.True(checks.Count > 0, $"{name} has no cell tagged 'check'.");
        Assert.All(checks, c =>
        {
            Assert.NotNull(c.ExecutionCount);
            Assert.DoesNotContain(c.Outputs, o => o!["output_type"]!.GetValue<string>() == "error");
        });
    }

    /// <summary>One word per output: <c>stream:stdout</c>, <c>display_data[image/png,text/plain]</c>, <c>error:Name</c>; consecutive streams of one name merged.</summary>
    private static List<string> Kinds(NotebookCell cell)
    {
        var kinds = new List<string>();
        foreach (var o in cell.Outputs.OfType<JsonObject>())
        {
            var type = o["output_type"]!.GetValue<string>();
            var kind = type switch
            {
                "stream" => $"stream:{o["name"]}",
                "error" => $"error:{o["ename"]}",
                _ => $"{type}[{string.Join(",", ((JsonObject)o["data"]!).Select(p => p.Key).Order(StringComparer.Ordinal))}]",
            };
            if (type == "stream" && kinds.Count > 0 && kinds[^1] == kind) continue;
            kinds.Add(kind);
        }
        return kinds;
    }
}
