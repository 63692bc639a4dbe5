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

    /// <summary>Opens a scope without an object, for the engine's own hot paths (Backward); pair with <see cref="Exit"/>.</summary>
    internal static void Enter() => depth++;

    internal static void Exit() => depth--;

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        depth--;
    }
}
