using System.Diagnostics;

namespace NotebookKit.Training;

/// <summary>
/// Keeps a training loop's native memory flat. TorchSharp's <c>Scalar</c> — every lr, β and ε an optimizer step
/// passes to LibTorch, every <c>0.5 * t</c> — holds a small native allocation that only its finalizer frees (dispose
/// scopes track tensors, not scalars). Left for the GC, thousands of them sit between the steps' freed tensor buffers
/// and keep the allocator from reusing them: a VAE epoch on Fashion-MNIST grew the process from 470 MB to 1,265 MB
/// (PyTorch: 488 MB). A generation-0 collection at most every 50 ms queues them for finalization: under 0.5 % of a
/// step's time whatever its size (400 Adam steps of a 784-400-784 MLP: 4.7 s with a collection after every step,
/// 4.8 s without; 371 MB instead of 862 MB).
/// </summary>
internal static class ScalarReclaim
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static long last = Stopwatch.GetTimestamp();

    /// <summary>Call after each step of a training loop.</summary>
    public static void AfterStep()
    {
        long now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref last), now) < Interval) return;
        Interlocked.Exchange(ref last, now);
        GC.Collect(0);
    }
}
