namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Reuses float buffers of exact lengths. Backward() rents intermediate gradients here and returns them as soon as
/// they have been propagated; inside a <see cref="DisposeScope"/> every op's result is rented here too and comes back
/// when the scope ends, so a training step allocates almost nothing after the first one. An array is handed out only
/// once until returned; returning one that is already in the pool throws (it would be handed out twice).
/// </summary>
internal static class BufferPool
{
    // Per length. A step returns its buffers together when its scope ends, so this bounds how many buffers of one
    // length can live at once and still be reused (the VAE step has about 20 live scalars and ten (N, 20) tensors).
    private const int MaxPerSize = 64;
    private static readonly Dictionary<int, Stack<float[]>> Free = new();
    private static readonly Lock Gate = new();

    public static float[] RentZeroed(int length)
    {
        var a = Rent(length);
        Array.Clear(a);
        return a;
    }

    /// <summary>A buffer of exactly <paramref name="length"/> floats with undefined contents.</summary>
    public static float[] Rent(int length)
    {
        if (length == 0) return [];
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var s) && s.Count > 0) return s.Pop();
        }
        return GC.AllocateUninitializedArray<float>(length);
    }

    public static void Return(float[] buffer)
    {
        if (buffer.Length == 0) return;
        lock (Gate)
        {
            if (!Free.TryGetValue(buffer.Length, out var s)) Free[buffer.Length] = s = new Stack<float[]>();
            if (s.Contains(buffer))
                throw new InvalidOperationException(
                    $"BufferPool: a buffer of {buffer.Length} floats was returned twice. This is a bug in NotebookKit's storage " +
                    "lifetime (two owners of one array); please report it with the code that ran.");
            if (s.Count < MaxPerSize) s.Push(buffer);
        }
    }

    /// <summary>Buffers of <paramref name="length"/> floats waiting in the pool (for tests).</summary>
    internal static int FreeCount(int length)
    {
        lock (Gate) return Free.TryGetValue(length, out var s) ? s.Count : 0;
    }
}
