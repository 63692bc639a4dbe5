using System.Globalization;

namespace NotebookKit.Bench;

/// <summary>Per-step allocation figures over <paramref name="Steps"/> measured steps (see <see cref="AllocationMeter"/>).</summary>
internal sealed record AllocationReport(int Steps, double BytesPerStep, double Gen0Per100Steps, int Gen2Collections, double PauseFraction)
{
    /// <summary>Managed bytes per step, as a benchmark-table row (PyTorch column "–").</summary>
    public void PrintBytesRow() =>
        Console.WriteLine($"| managed allocations per step, steady state (bytes, {Steps} steps) | {BytesPerStep.ToString("N0", CultureInfo.InvariantCulture)} | – | – |");

    /// <summary>Collections and pause time, as benchmark-table rows.</summary>
    public void PrintGcRows()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"| gen-0 GCs per 100 steps ({Steps} steps; gen-2: {Gen2Collections}) | {Gen0Per100Steps.ToString("F1", c)} | – | – |");
        Console.WriteLine($"| GC pause (% of training time) | {(100 * PauseFraction).ToString("F2", c)} | – | – |");
    }
}
