using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>bar</c> trace: one bar per category (<see cref="Chart.Bar(IEnumerable{string}, Series, string?, string?, double?)"/>).</summary>
public sealed record BarTrace : Trace
{
    public override string Type => "bar";

    public required IReadOnlyList<string> X { get; init; }
    public required IReadOnlyList<double> Y { get; init; }
    public string? Color { get; init; }

    public override int PointCount => X.Count;

    private protected override void WriteData(Utf8JsonWriter w, Layout layout)
    {
        JsonOut.Strings(w, "x", X);
        JsonOut.Numbers(w, "y", Y);
        if (Color != null)
        {
            w.WriteStartObject("marker");
            w.WriteString("color", Color);
            w.WriteEndObject();
        }
    }
}
