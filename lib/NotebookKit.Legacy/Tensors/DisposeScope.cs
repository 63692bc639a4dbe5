namespace NotebookKit.Tensors;

/// <summary>
/// Owns every tensor created on its thread while it is the innermost open scope, and disposes them when it ends:
/// their storage goes back to a pool, so the next training step reuses this step's buffers instead of allocating
/// (the GC then has almost nothing to collect). TorchSharp's <c>torch.NewDisposeScope()</c>, with the same names.
/// </summary>
/// <remarks>
/// <para>Open one with <see cref="Torch.NewDisposeScope"/> around a unit of work whose tensors die together, typically one
/// training step; keep a result with <see cref="Tensor.MoveToOuterScope"/> (or <see cref="Tensor.DetachFromDisposeScope"/>)
/// or copy numbers out (<c>loss.Item()</c>). A tensor used after its scope ended throws <see cref="ObjectDisposedException"/>
/// naming the fix. Views share storage safely: the pool gets an array back only when the tensor that owns it and every
/// view of it are disposed. Tensors created outside scopes, and parameters and buffers registered by a module, are never
/// touched.</para>
/// <para>Scopes nest (per thread); ending an outer scope ends the inner ones still open first.</para>
/// </remarks>
/// <example><code>
/// foreach (var (X, _) in trainLoader)
/// {
///     using var scope = Torch.NewDisposeScope();   // everything below is recycled at the end of the iteration
///     opt.ZeroGrad();
///     var loss = F.MseLoss(model.Forward(X), X);
///     loss.Backward();
///     opt.Step();
///     losses.Add(loss.Item());
/// }
/// </code></example>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;
    [ThreadStatic] private static Stack<List<Tensor>>? spareLists; // lists of ended scopes, reused by the next ones

    private readonly int threadId = Environment.CurrentManagedThreadId;
    private List<Tensor>? owned;

    internal DisposeScope()
    {
        Outer = current;
        owned = spareLists is { Count: > 0 } spares ? spares.Pop() : [];
        current = this;
    }

    /// <summary>The innermost open scope on this thread, or null.</summary>
    internal static DisposeScope? Current => current;

    /// <summary>The scope that was innermost when this one opened (where <see cref="Tensor.MoveToOuterScope"/> sends tensors).</summary>
    internal DisposeScope? Outer { get; }

    /// <summary>True once the scope has ended.</summary>
    public bool IsDisposed => owned == null;

    internal void Own(Tensor t)
    {
        t.scope = this;
        owned!.Add(t);
    }

    /// <summary>Disposes every tensor this scope still owns (first ending inner scopes left open), and closes it.</summary>
    public void Dispose()
    {
        if (owned == null) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("DisposeScope: a scope must be disposed on the thread that opened it (scopes are per thread).");
        while (current != this) current!.Dispose(); // an inner scope without its using
        var list = owned;
        owned = null;
        current = Outer;
        foreach (var t in list)
            if (t.scope == this) t.Dispose(); // skips tensors moved out or disposed already
        list.Clear();
        (spareLists ??= new Stack<List<Tensor>>()).Push(list);
    }
}
