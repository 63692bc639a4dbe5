namespace NotebookKit.Tensors;

/// <summary>
/// While alive, ops record no graph (PyTorch: <c>with torch.no_grad():</c>). Use as
/// <c>using (Torch.NoGrad()) { ... }</c> for evaluation, sampling and parameter updates.
/// Per thread, and nestable.
/// </summary>
public sealed class NoGradScope : IDisposable
{
    [ThreadStatic] private static int depth;
    private bool disposed;

    public NoGradScope() => depth++;

    /// <summary>True while any scope is open on this thread.</summary>
    public static bool IsActive => depth > 0;

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        depth--;
    }
}
