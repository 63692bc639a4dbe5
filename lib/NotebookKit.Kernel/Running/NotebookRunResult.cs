namespace NotebookKit.Kernel.Running;

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Passed">True when every cell ran as expected.</param>
/// <param name="FailedCellIndex">0-based index (among all cells) of the cell that stopped the run, or null.</param>
/// <param name="FailedCellId">Its nbformat id.</param>
/// <param name="Error">What went wrong (ename: evalue), or null.</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="Parameters">The parameters in effect, as C# literals.</param>
/// <param name="CellsRun">Code cells executed.</param>
/// <param name="KernelStuck">A cell ignored its timeout and still runs; the process must end.</param>
public sealed record NotebookRunResult(
    bool Passed, int? FailedCellIndex, string? FailedCellId, string? Error, TimeSpan Duration,
    IReadOnlyDictionary<string, string> Parameters, int CellsRun, bool KernelStuck);
