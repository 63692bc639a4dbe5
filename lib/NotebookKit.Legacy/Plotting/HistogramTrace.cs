using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>histogram</c> trace: plotly.js bins the raw values (<see cref="Chart.Histogram(Series, int?, string?, HistNorm, string?, double?)"/>).</summary>
public sealed record HistogramTrace : Trace
{
    public override string Type => "histogram";

    public required IReadOnlyList<double> X { get; init; }

    /// <summary>Maximum number of bins (Plotly's <c>nbinsx</c>; it picks "nice" bin edges up to this many).</summary>
    public int? NBins { get; init; }
    public HistNorm HistNorm { get; init; } = HistNorm.None;
    public string? Color { get; init; }

    public override int PointCount => X.Count;

    private protected override void WriteData(Utf8JsonWriter w, Layout layout)
    {
        JsonOut.Numbers(w, "x", X);
        if (NBins is int n) w.WriteNumber("nbinsx", n);
        if (HistNorm != HistNorm.None)
            w.WriteString("histnorm", HistNorm switch
            {
                HistNorm.Percent => "percent",
                HistNorm.Probability => "probability",
                HistNorm.Density => "density",
                _ => "probability density",
            });
        if (Color != null)
        {
            w.WriteStartObject("marker");
            w.WriteString("color", Color);
            w.WriteEndObject();
        }
    }
}
