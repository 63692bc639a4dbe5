namespace NotebookKit.Interactive;

/// <summary>
/// The cooperative stop signal of a notebook host. A running cell cannot be aborted from outside (.NET has no
/// thread abort), so when a cell exceeds its timeout or the user interrupts, the host calls <see cref="Request"/>
/// and long loops (the <c>DataLoader</c>, training helpers, a notebook's own loops) call
/// <see cref="ThrowIfInterrupted"/> and end the cell with an <see cref="OperationCanceledException"/>.
/// A cell stuck in code that never checks keeps running; the headless runner then ends the notebook's process.
/// Inside Microsoft's .NET Interactive the request is that kernel's own: its <c>Cancel</c> (behind Polyglot Notebooks'
/// Stop) cancels the cell's invocation context, which the checks here read (<see cref="DotNetInteractiveCancellation"/>).
/// </summary>
public static class KernelInterrupt
{
    private static volatile string? reason;

    /// <summary>True once the host asked the current cell to stop.</summary>
    public static bool IsRequested => reason != null || DotNetInteractiveCancellation.Current.IsCancellationRequested;

    /// <summary>Asks the running cell to stop at its next check; <paramref name="why"/> ends up in the error message.</summary>
    public static void Request(string why) => reason = why;

    /// <summary>Clears the request (hosts call this before each cell).</summary>
    public static void Reset() => reason = null;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the host asked the cell to stop; cheap enough for every batch.</summary>
    public static void ThrowIfInterrupted()
    {
        var why = reason;
        if (why != null) throw new OperationCanceledException($"Cell interrupted by the kernel: {why}");
        DotNetInteractiveCancellation.ThrowIfCancelled();
    }
}
