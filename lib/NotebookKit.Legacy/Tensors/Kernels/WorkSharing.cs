using System.Diagnostics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The parallel loop of the kernels (GEMM pieces, packing). The caller takes indices one at a time like its
/// helpers and never waits for a helper to start: when the machine is busy and a helper is late or gets no
/// core, the caller simply does the work itself, waiting only for indices a helper has already taken.
/// Helpers are dedicated threads that spin for a short while after a loop before sleeping (as OpenBLAS's
/// threads do), so back-to-back loops — the packing and the pieces of one product, the products of a training
/// step — find them awake instead of paying a wake-up each. A helper busy with another caller's loop picks
/// this one up when it is done, if anything is left. The body must not throw (a helper's exception would end the process).
/// </summary>
internal static class WorkSharing
{
    /// <summary>How long an idle helper keeps polling for the next loop before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private static readonly Lock Gate = new();
    private static Helper[] helpers = [];

    /// <summary>Runs <paramref name="body"/> for every index in [0, count), on up to <paramref name="threads"/> threads.</summary>
    public static void For(int count, int threads, Action<int> body) => For(count, threads, new ActionBody(body));

    /// <summary>
    /// The same for a struct body: the kernels pass their arguments in a struct instead of a lambda's closure, so a
    /// product run on one thread allocates nothing, and one run on several threads only its <see cref="Loop"/>.
    /// </summary>
    public static void For<TBody>(int count, int threads, TBody body) where TBody : struct, IParallelBody
    {
        if (threads <= 1 || count <= 1)
        {
            for (int i = 0; i < count; i++) body.Run(i);
            return;
        }
        var loop = new Loop<TBody>(count, body);
        var pool = Helpers(Math.Min(threads, count) - 1);
        for (int h = 0; h < pool.Length && h < threads - 1; h++) pool[h].Offer(loop);
        loop.Run();
        var spin = new SpinWait();
        while (Volatile.Read(ref loop.Done) < count) spin.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>What a parallel loop runs for one index.</summary>
    public interface IParallelBody
    {
        void Run(int index);
    }

    private readonly struct ActionBody(Action<int> action) : IParallelBody
    {
        public void Run(int index) => action(index);
    }

    private static Helper[] Helpers(int wanted)
    {
        var pool = Volatile.Read(ref helpers);
        if (pool.Length >= wanted) return pool;
        lock (Gate)
        {
            if (helpers.Length < wanted)
                helpers = [.. helpers, .. Enumerable.Range(helpers.Length, wanted - helpers.Length).Select(i => new Helper(i))];
            return helpers;
        }
    }

    /// <summary>One call's indices, taken one at a time by the caller and the helpers it was offered to.</summary>
    private abstract class Loop(int count)
    {
        public int Done;
        private int next = -1;

        public void Run()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < count;)
            {
                RunIndex(i);
                Interlocked.Increment(ref Done);
            }
        }

        protected abstract void RunIndex(int index);
    }

    private sealed class Loop<TBody>(int count, TBody body) : Loop(count) where TBody : struct, IParallelBody
    {
        protected override void RunIndex(int index) => body.Run(index);
    }

    private sealed class Helper
    {
        private Loop? offered;
        private int sleeping; // 1 while blocked on the semaphore (or about to be)
        private readonly SemaphoreSlim wake = new(0);

        public Helper(int index) =>
            new Thread(Work) { IsBackground = true, Name = $"NotebookKit kernel helper {index}" }.Start();

        /// <summary>Hands the loop over, replacing one not yet picked up (finished by now, or its caller does it alone).</summary>
        public void Offer(Loop loop)
        {
            Interlocked.Exchange(ref offered, loop);
            if (Interlocked.Exchange(ref sleeping, 0) == 1) wake.Release();
        }

        private void Work()
        {
            while (true)
            {
                long until = Stopwatch.GetTimestamp() + SpinTicks;
                Loop? loop;
                while ((loop = Interlocked.Exchange(ref offered, null)) == null && Stopwatch.GetTimestamp() < until) Thread.SpinWait(20);
                if (loop == null)
                {
                    Volatile.Write(ref sleeping, 1);
                    if ((loop = Interlocked.Exchange(ref offered, null)) == null)
                    {
                        wake.Wait();
                        continue;
                    }
                    Volatile.Write(ref sleeping, 0);
                }
                loop.Run();
            }
        }
    }
}
