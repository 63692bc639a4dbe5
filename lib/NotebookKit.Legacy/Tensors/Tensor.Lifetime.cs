using System.Diagnostics.CodeAnalysis;
using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Storage lifetime. Outside a dispose scope every result gets a new array and the GC reclaims it. Inside one
// (Torch.NewDisposeScope()), results rent their arrays from BufferPool and the scope disposes them when it ends,
// which hands the arrays back for the next step. A view (Reshape, Detach) shares its base's array and holds a
// reference on it, so the array goes back only when the base and all its views are disposed.
public sealed partial class Tensor : IDisposable
{
    private string? origin;        // the op or function that created this tensor, for error messages
    private bool disposed;
    private bool pooled;           // the storage is this tensor's alone and goes to BufferPool when released
    private int refs = 1;          // of a pooled base: itself plus its live views
    private Tensor? viewBase;      // the tensor whose storage this view shares
    internal DisposeScope? scope;  // the scope that will dispose this tensor
    private float[]? saved;        // a pooled buffer the backward reads (e.g. Conv2d's column matrix), released with this tensor

    /// <summary>True once <see cref="Dispose"/> ran (directly or through the tensor's dispose scope); the tensor's values are gone.</summary>
    public bool IsDisposed => disposed;

    /// <summary>
    /// Releases the storage now: inside a dispose scope it goes back to the pool at once (unless views of it are still alive).
    /// Using the tensor afterwards throws <see cref="ObjectDisposedException"/>. Idempotent.
    /// </summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        scope = null;
        parents = null;
        backward = null;
        if (gradPooled) { grad = null; gradPooled = false; } // a retained intermediate gradient: a Grad wrapper may still read it, so the GC takes it
        if (saved != null) { BufferPool.Return(saved); saved = null; }
        if (viewBase != null) viewBase.ReleaseStorage();
        else ReleaseStorage();
    }

    /// <summary>Hands this tensor to the dispose scope around the one that owns it (or to no scope, if that was the
    /// outermost), so it survives the end of its scope — e.g. a result a step returns. Returns this tensor.</summary>
    public Tensor MoveToOuterScope()
    {
        ThrowIfDisposed();
        var s = scope;
        if (s == null) return this;
        scope = null;
        s.Outer?.Own(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope: it lives until the GC collects it (or <see cref="Dispose"/>).
    /// Modules do this to their parameters and buffers. Returns this tensor.</summary>
    public Tensor DetachFromDisposeScope()
    {
        ThrowIfDisposed();
        scope = null;
        return this;
    }

    /// <summary>A zero-filled buffer for an op's result: from the pool while a dispose scope is open.</summary>
    internal static float[] NewData(int length) =>
        DisposeScope.Current != null ? BufferPool.RentZeroed(length) : new float[length];

    /// <summary>As <see cref="NewData"/> with undefined contents, for results every element of which is written.</summary>
    internal static float[] NewDataUninitialized(int length) =>
        DisposeScope.Current != null ? BufferPool.Rent(length) : GC.AllocateUninitializedArray<float>(length);

    /// <summary>A tensor that takes over <paramref name="data"/>, which nothing else may reference (its storage is pooled
    /// inside a dispose scope). <paramref name="origin"/> names the creator in error messages.</summary>
    internal static Tensor Owning(int[] shape, float[] data, string origin)
    {
        var t = new Tensor(shape, data) { origin = origin };
        t.pooled = t.scope != null;
        return t;
    }

    /// <summary>Keeps <paramref name="buffer"/> (rented from the pool) until this tensor is disposed, for its backward;
    /// outside a scope the GC owns it and it is not recorded.</summary>
    internal void KeepForBackward(float[] buffer)
    {
        if (pooled) saved = buffer;
    }

    /// <summary>Makes this tensor a view of <paramref name="source"/>'s storage: the storage stays alive while the view does.</summary>
    private void ShareStorageOf(Tensor source)
    {
        var b = source.viewBase ?? source;
        viewBase = b;
        if (b.pooled) Interlocked.Increment(ref b.refs);
    }

    private void ReleaseStorage()
    {
        if (pooled && Interlocked.Decrement(ref refs) == 0) BufferPool.Return(storage);
    }

    /// <summary>True when the storage may go back to the pool some day, so nothing outside may keep a reference to it.</summary>
    internal bool HasPooledStorage => (viewBase ?? this).pooled;

    internal void ThrowIfDisposed()
    {
        if (disposed) ThrowDisposed();
    }

    [DoesNotReturn]
    private void ThrowDisposed() => throw new ObjectDisposedException(nameof(Tensor),
        $"This tensor {ShapeString}{(origin != null ? $" (from {origin})" : "")} was disposed: it was created inside a " +
        "Torch.NewDisposeScope() that has ended (or Dispose() was called on it), and its storage went back to the pool for reuse. " +
        "To keep a result beyond its scope, call result.MoveToOuterScope() or result.DetachFromDisposeScope() before the scope " +
        "ends, or copy what you need out of it first (Item(), ToArray()).");
}
