using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>scatter</c> trace: points, lines or both (<see cref="Chart.Line(Series, Series, string?, string?, LineDash, double?, bool, double?)"/>, <see cref="Chart.Scatter(Series, Series, ScatterMode, string?, Labels, IReadOnlyList{string}?, IReadOnlyList{string}?, double?, double?, string?)"/>).</summary>
public sealed record ScatterTrace : Trace
{
    public override string Type => "scatter";

    public required IReadOnlyList<double> X { get; init; }
    public required IReadOnlyList<double> Y { get; init; }
    public ScatterMode Mode { get; init; } = ScatterMode.Markers;

    /// <summary>Per-point hover text (same length as X).</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Colour of markers and line (CSS colour, e.g. <see cref="Colors.Blue"/>).</summary>
    public string? Color { get; init; }
    public double? MarkerSize { get; init; }
    public LineDash Dash { get; init; } = LineDash.Solid;
    public double? LineWidth { get; init; }

    public override int PointCount => X.Count;

    private protected override void WriteData(Utf8JsonWriter w, Layout layout)
    {
        w.WriteString("mode", Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.Markers => "markers",
            ScatterMode.LinesMarkers => "lines+markers",
            ScatterMode.Text => "text",
            _ => "markers+text",
        });
        JsonOut.Numbers(w, "x", X);
        JsonOut.Numbers(w, "y", Y);
        if (Text != null)
        {
            JsonOut.Strings(w, "text", Text);
            // Hover shows the text; "text" modes draw it too.
            if (Mode is ScatterMode.Lines or ScatterMode.Markers or ScatterMode.LinesMarkers) w.WriteString("hoverinfo", "x+y+text+name");
        }
        bool hasLine = Mode is ScatterMode.Lines or ScatterMode.LinesMarkers;
        if (Color != null || MarkerSize != null)
        {
            w.WriteStartObject("marker");
            if (Color != null) w.WriteString("color", Color);
            if (MarkerSize is double s) w.WriteNumber("size", s);
            w.WriteEndObject();
        }
        if (hasLine && (Color != null || Dash != LineDash.Solid || LineWidth != null))
        {
            w.WriteStartObject("line");
            if (Color != null) w.WriteString("color", Color);
            if (Dash != LineDash.Solid) w.WriteString("dash", Dash.ToString().ToLowerInvariant());
            if (LineWidth is double lw) w.WriteNumber("width", lw);
            w.WriteEndObject();
        }
    }
}
