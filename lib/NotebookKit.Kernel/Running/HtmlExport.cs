using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Running;

/// <summary>
/// Writes each executed notebook as a standalone HTML page (<c>out/&lt;name&gt;.html</c>) when its run ends,
/// passed or failed. A page that cannot be written (plotly.js not fetched) is reported on stderr; the executed
/// .ipynb is already saved, so nothing is lost.
/// </summary>
public sealed class HtmlExport(string outDir) : IRunReporter
{
    public void CellStarted(Notebook notebook, int index, NotebookCell cell) { }

    public void CellFinished(Notebook notebook, int index, NotebookCell cell, CellResult result) { }

    public void NotebookFinished(Notebook executed, string outputPath, NotebookRunResult result)
    {
        var name = Path.GetFileNameWithoutExtension(outputPath);
        var path = Path.Combine(outDir, name + ".html");
        try
        {
            NotebookHtml.ToPage(executed, name).Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{name}: HTML page not written ({e.Message})");
        }
    }

    /// <summary>The page's file name for a notebook, relative to the output folder.</summary>
    public static string PageName(string notebookFileName) => Path.GetFileNameWithoutExtension(notebookFileName) + ".html";
}
