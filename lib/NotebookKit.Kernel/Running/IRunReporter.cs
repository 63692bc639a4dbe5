using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Running;

/// <summary>
/// Hears what <see cref="NotebookRunner"/> does: console progress implements it, and it is the seam where the
/// executed notebook is handed on (HTML export: implement <see cref="NotebookFinished"/> and add the reporter in
/// the CLI's <c>run-one</c> command).
/// </summary>
public interface IRunReporter
{
    /// <summary>Code cell <paramref name="index"/> (0-based, among all cells) starts.</summary>
    void CellStarted(Notebook notebook, int index, NotebookCell cell);

    /// <summary>The cell ended; its outputs are already in <paramref name="cell"/>.</summary>
    void CellFinished(Notebook notebook, int index, NotebookCell cell, CellResult result);

    /// <summary>The run ended (passed or failed) and <paramref name="executed"/> is saved at <paramref name="outputPath"/>.</summary>
    void NotebookFinished(Notebook executed, string outputPath, NotebookRunResult result);
}
