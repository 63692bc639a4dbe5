using System.Collections;
using System.Globalization;
using NotebookKit.Tensors;

namespace NotebookKit.Plotting;

/// <summary>
/// One column of chart data (x, y or values). You never write this type: <c>double[]</c>, <c>float[]</c>,
/// <c>int[]</c>, <c>List&lt;double&gt;</c>, <c>List&lt;float&gt;</c> and 1-d <see cref="Tensor"/>s convert to it
/// implicitly; LINQ results go through <see cref="From(IEnumerable{double})"/> or the chart's
/// <c>IEnumerable&lt;double&gt;</c> overload. Values are copied, so a chart never changes when the array does.
/// Floats are widened through their shortest round-trip text, so <c>0.1f</c> is written as <c>0.1</c>.
/// </summary>
public readonly struct Series : IReadOnlyList<double>
{
    private readonly double[]? values;

    private Series(double[]? values) => this.values = values;

    /// <summary>True when built from a null array (the chart reports it by argument name).</summary>
    public bool IsNull => values == null;

    public int Count => values?.Length ?? 0;

    public double this[int index] => (values ?? [])[index];

    /// <summary>A series from any sequence of numbers (copied).</summary>
    public static Series From(IEnumerable<double>? values) => new(values?.ToArray());

    /// <summary>A series from any sequence of floats (copied, widened compactly).</summary>
    public static Series From(IEnumerable<float>? values) => new(values?.Select(Widen).ToArray());

    public static implicit operator Series(double[]? values) => new((double[]?)values?.Clone());
    public static implicit operator Series(float[]? values) => new(values == null ? null : Array.ConvertAll(values, Widen));
    public static implicit operator Series(int[]? values) => new(values == null ? null : Array.ConvertAll(values, v => (double)v));
    public static implicit operator Series(List<double>? values) => new(values?.ToArray());
    public static implicit operator Series(List<float>? values) => From(values);

    /// <summary>A 1-d tensor (or one with a single non-trivial dimension, like (N, 1)).</summary>
    public static implicit operator Series(Tensor? tensor)
    {
        if (tensor == null) return new(null);
        var shape = tensor.Shape;
        if (shape.Count(d => d != 1) > 1)
            throw new ArgumentException(
                $"A chart series needs a 1-d tensor; got shape ({string.Join(", ", shape)}). Select a column (e.g. z.Select(1, 0)) or reshape it.");
        return new(Array.ConvertAll(tensor.ToArray(), Widen));
    }

    internal double[] ToArrayUnsafe() => values ?? [];

    /// <summary>float → double through the float's shortest round-trip text: 0.1f becomes 0.1, not 0.10000000149011612.</summary>
    internal static double Widen(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)(values ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
