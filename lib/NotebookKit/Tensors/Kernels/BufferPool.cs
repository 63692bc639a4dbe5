namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Reuses float buffers of exact lengths. Backward() rents intermediate gradients here and returns them
/// as soon as they have been propagated, so a training step's backward pass allocates almost nothing
/// after the first step. Arrays are handed out only once until returned.
/// </summary>
internal static class BufferPool
{
    private const int MaxPerSize = 16;
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
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var s) && s.Count > 0) return s.Pop();
        }
        return GC.AllocateUninitializedArray<float>(length);
    }

    public static void Return(float[] buffer)
    {
        lock (Gate)
        {
            if (!Free.TryGetValue(buffer.Length, out var s)) Free[buffer.Length] = s = new Stack<float[]>();
            if (s.Count < MaxPerSize) s.Push(buffer);
        }
    }
}
