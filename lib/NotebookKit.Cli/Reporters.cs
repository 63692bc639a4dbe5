using NotebookKit.Kernel;
using NotebookKit.Kernel.Notebooks;
using NotebookKit.Kernel.Running;

namespace NotebookKit.Cli;

/// <summary>Passes each event on to several reporters (console progress, and later HTML export).</summary>
internal sealed class Reporters(IReadOnlyList<IRunReporter> all) : IRunReporter
{
    public void CellStarted(Notebook notebook, int index, NotebookCell cell)
    {
        foreach (var r in all) r.CellStarted(notebook, index, cell);
    }

    public void CellFinished(Notebook notebook, int index, NotebookCell cell, CellResult result)
    {
        foreach (var r in all) r.CellFinished(notebook, index, cell, result);
    }

    public void NotebookFinished(Notebook executed, string outputPath, NotebookRunResult result)
    {
        foreach (var r in all) r.NotebookFinished(executed, outputPath, result);
    }
}
