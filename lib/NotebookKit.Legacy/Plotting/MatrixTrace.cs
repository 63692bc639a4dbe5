using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>
/// A trace drawn from a z grid (<see cref="HeatmapTrace"/>, <see cref="ContourTrace"/>, <see cref="SurfaceTrace"/>):
/// <c>Z[i][j]</c> is the value at <c>(X[j], Y[i])</c>.
/// </summary>
public abstract record MatrixTrace : Trace
{
    private protected MatrixTrace() { }

    public required IReadOnlyList<IReadOnlyList<double>> Z { get; init; }

    /// <summary>Column coordinates (null: 0, 1, ...).</summary>
    public IReadOnlyList<double>? X { get; init; }

    /// <summary>Row coordinates (null: 0, 1, ...).</summary>
    public IReadOnlyList<double>? Y { get; init; }

    public Colorscale? Colorscale { get; init; }

    /// <summary>Whether the colour bar is drawn.</summary>
    public bool ShowScale { get; init; } = true;

    /// <summary>Ends of the colour range (null: the data's min/max).</summary>
    public double? ZMin { get; init; }
    public double? ZMax { get; init; }

    public override int PointCount => Z.Sum(r => r.Count);

    /// <summary>Plotly names the colour range zmin/zmax for 2-d traces and cmin/cmax for surfaces.</summary>
    private protected virtual string RangePrefix => "z";

    private protected override void WriteData(Utf8JsonWriter w, Layout layout)
    {
        w.WriteStartArray("z");
        foreach (var row in Z)
        {
            w.WriteStartArray();
            foreach (var v in row) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        if (X != null) JsonOut.Numbers(w, "x", X);
        if (Y != null) JsonOut.Numbers(w, "y", Y);
        if (Colorscale != null)
        {
            w.WritePropertyName("colorscale");
            Colorscale.Write(w);
        }
        if (!ShowScale) w.WriteBoolean("showscale", false);
        if (ZMin is double lo) w.WriteNumber(RangePrefix + "min", lo);
        if (ZMax is double hi) w.WriteNumber(RangePrefix + "max", hi);
        if (ShowScale) WriteColorbar(w, layout);
        WriteExtra(w);
    }

    /// <summary>In a grid, put the colour bar beside this trace's cell instead of at the figure's right edge.</summary>
    private void WriteColorbar(Utf8JsonWriter w, Layout layout)
    {
        if (layout.XAxis(Subplot).Domain is not { } xd || layout.YAxis(Subplot).Domain is not { } yd) return;
        w.WriteStartObject("colorbar");
        w.WriteNumber("x", Math.Round(xd.End + 0.005, 6));
        w.WriteString("xanchor", "left");
        w.WriteNumber("y", Math.Round((yd.Start + yd.End) / 2, 6));
        w.WriteNumber("len", Math.Round(yd.End - yd.Start, 6));
        w.WriteNumber("thickness", 12);
        w.WriteEndObject();
    }

    private protected virtual void WriteExtra(Utf8JsonWriter w) { }
}
