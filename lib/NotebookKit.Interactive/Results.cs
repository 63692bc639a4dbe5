using System.Collections.Concurrent;

namespace NotebookKit.Interactive;

/// <summary>
/// A notebook's key figures, recorded with one call (<c>Results.Record("vae.test_loss", 244.9)</c>). The runner
/// collects them with the parameters, seed, duration and machine into <c>out/results.json</c>, and tests
/// assert on them, so a regression in a result fails the build.
/// </summary>
public static class Results
{
    private static readonly ConcurrentDictionary<string, double> Values = new();
    private static readonly ConcurrentQueue<string> Order = new();

    /// <summary>Records (or overwrites) a named figure; returns the value so it can be used inline.</summary>
    public static double Record(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (double.IsNaN(value))
            throw new ArgumentException($"Results.Record(\"{name}\"): the value is NaN; a training run diverged or a metric is undefined.");
        if (Values.TryAdd(name, value)) Order.Enqueue(name);
        else Values[name] = value;
        return value;
    }

    /// <summary>The figures recorded so far in this process, in first-recorded order.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> All =>
        Order.Select(n => new KeyValuePair<string, double>(n, Values[n])).ToList();

    /// <summary>Forgets everything (the runner calls this before each notebook).</summary>
    public static void Clear()
    {
        Values.Clear();
        Order.Clear();
    }
}
