using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>
/// One Plotly data trace. Traces are immutable records (change one with <c>with { Name = "…" }</c>); the
/// <see cref="Chart"/> factories build and validate them, <see cref="Figure"/> holds them.
/// </summary>
public abstract record Trace
{
    private protected Trace() { }

    /// <summary>Plotly's trace <c>type</c> ("scatter", "bar", "histogram", "heatmap", "contour", "surface").</summary>
    public abstract string Type { get; }

    /// <summary>The legend entry and hover label.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the trace has a legend entry (null: Plotly decides).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group toggle together in the legend.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>0 (invisible) … 1 (opaque).</summary>
    public double? Opacity { get; init; }

    /// <summary>The 1-based subplot the trace is drawn in (set by <see cref="Chart.Grid"/>): axes x2/y2 or scene2 for 2.</summary>
    public int Subplot { get; init; } = 1;

    /// <summary>Number of data points (for z grids: cells).</summary>
    public abstract int PointCount { get; }

    /// <summary>True for traces drawn in a 3-d scene rather than on x/y axes.</summary>
    public virtual bool Is3D => false;

    internal void WriteJson(Utf8JsonWriter w, Layout layout)
    {
        w.WriteStartObject();
        w.WriteString("type", Type);
        if (Name != null) w.WriteString("name", Name);
        if (ShowLegend is bool show) w.WriteBoolean("showlegend", show);
        if (LegendGroup != null) w.WriteString("legendgroup", LegendGroup);
        if (Opacity is double o) w.WriteNumber("opacity", o);
        if (Is3D)
        {
            if (Subplot != 1) w.WriteString("scene", JsonOut.Id("scene", Subplot));
        }
        else if (Subplot != 1)
        {
            w.WriteString("xaxis", JsonOut.Id("x", Subplot));
            w.WriteString("yaxis", JsonOut.Id("y", Subplot));
        }
        WriteData(w, layout);
        w.WriteEndObject();
    }

    /// <summary>Writes the type-specific attributes (data arrays, marker, ...).</summary>
    private protected abstract void WriteData(Utf8JsonWriter w, Layout layout);
}
