using System.Diagnostics;

namespace NotebookKit.Bench;

/// <summary>
/// Managed allocations and garbage collections over windows of training steps, counted on every thread
/// (GEMM's Parallel.For workers allocate too), so a table can show what a steady-state step costs the GC.
/// Windows add up: <c>Begin()</c> before the steps, <c>End(steps)</c> after, as often as needed.
/// </summary>
internal sealed class AllocationMeter
{
    private long bytes0, bytes;
    private int gen0Start, gen2Start, gen0, gen2, steps;
    private TimeSpan pauseStart, pause;
    private readonly Stopwatch clock = new();

    public void Begin()
    {
        gen0Start = GC.CollectionCount(0); gen2Start = GC.CollectionCount(2);
        pauseStart = GC.GetTotalPauseDuration();
        bytes0 = GC.GetTotalAllocatedBytes(precise: true);
        clock.Start();
    }

    public void End(int stepsDone)
    {
        bytes += GC.GetTotalAllocatedBytes(precise: true) - bytes0;
        clock.Stop();
        gen0 += GC.CollectionCount(0) - gen0Start; gen2 += GC.CollectionCount(2) - gen2Start;
        pause += GC.GetTotalPauseDuration() - pauseStart;
        steps += stepsDone;
    }

    public AllocationReport Report()
    {
        int s = Math.Max(steps, 1);
        double secs = clock.Elapsed.TotalSeconds;
        return new AllocationReport(steps, (double)bytes / s, 100.0 * gen0 / s, gen2, secs > 0 ? pause.TotalSeconds / secs : 0);
    }
}
