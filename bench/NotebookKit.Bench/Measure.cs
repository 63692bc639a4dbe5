using System.Globalization;

namespace NotebookKit.Bench;

/// <summary>What every loop reports the same way: medians (robust to the shared machine's bursts) and peak RSS.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        if (s.Length == 0) throw new InvalidOperationException("bench: no samples to take a median of; raise --epochs or --steps.");
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>samples/s of each run of <paramref name="window"/> consecutive steps, from the elapsed time after each
    /// step (<paramref name="stepEnds"/>, seconds from the start); a trailing partial window is dropped.</summary>
    public static List<double> WindowRates(IReadOnlyList<double> stepEnds, int window, int batchSize)
    {
        var rates = new List<double>();
        for (int end = window; end <= stepEnds.Count; end += window)
        {
            double start = end == window ? 0 : stepEnds[end - window - 1];
            rates.Add(window * batchSize / (stepEnds[end - 1] - start));
        }
        return rates;
    }

    /// <summary>Peak resident set size of this process (VmHWM in /proc/self/status), MB; the GC's view elsewhere.</summary>
    public static double PeakRssMb()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return Environment.WorkingSet / (1024.0 * 1024.0);
        var line = File.ReadLines(status).First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
