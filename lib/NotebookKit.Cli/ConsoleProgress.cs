using System.Diagnostics;
using NotebookKit.Kernel;
using NotebookKit.Kernel.Notebooks;
using NotebookKit.Kernel.Running;

namespace NotebookKit.Cli;

/// <summary>
/// Live progress of one notebook: a line when each code cell starts and ends, and every 10 s while a long cell runs
/// (<c>[00-hello] cell 3/9 running, 20 s (notebook 31.0 s)</c>).
/// </summary>
internal sealed class ConsoleProgress(TextWriter console, string name) : IRunReporter
{
    private readonly Stopwatch notebookClock = Stopwatch.StartNew(), cellClock = new();
    private Timer? heartbeat;
    private string cellLabel = "";

    public void CellStarted(Notebook notebook, int index, NotebookCell cell)
    {
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        cellLabel = $"cell {code.FindIndex(c => c.Id == cell.Id) + 1}/{code.Count}";
        cellClock.Restart();
        Write($"{cellLabel} started: {FirstLine(cell.Source)}");
        heartbeat = new Timer(_ => Write($"{cellLabel} running, {cellClock.Elapsed.TotalSeconds:F0} s"), null, 10_000, 10_000);
    }

    public void CellFinished(Notebook notebook, int index, NotebookCell cell, CellResult result)
    {
        heartbeat?.Dispose();
        Write($"{cellLabel} {(result.Succeeded ? "ok" : result.Error!.EName)} in {result.Duration.TotalSeconds:F2} s");
    }

    public void NotebookFinished(Notebook executed, string outputPath, NotebookRunResult result) =>
        Write(result.Passed ? $"passed, written to {outputPath}" : $"FAILED: {result.Error}; partial notebook written to {outputPath}");

    private void Write(string line)
    {
        lock (console) console.WriteLine($"[{name}] {line} (notebook {notebookClock.Elapsed.TotalSeconds:F1} s)");
        console.Flush();
    }

    private static string FirstLine(string source)
    {
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
