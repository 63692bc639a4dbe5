using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>contour</c> trace (<see cref="Chart.Contour"/>): level sets of z, filled or as lines.</summary>
public sealed record ContourTrace : MatrixTrace
{
    public override string Type => "contour";

    /// <summary>Maximum number of contour levels (Plotly's <c>ncontours</c>).</summary>
    public int? NContours { get; init; }

    /// <summary>Print each level's value on its line (<c>contours.showlabels</c>).</summary>
    public bool ShowLabels { get; init; }

    /// <summary>Fill between levels (true) or draw coloured lines only (<c>contours.coloring = "lines"</c>).</summary>
    public bool Filled { get; init; } = true;

    private protected override void WriteExtra(Utf8JsonWriter w)
    {
        if (NContours is int n) w.WriteNumber("ncontours", n);
        if (!ShowLabels && Filled) return;
        w.WriteStartObject("contours");
        if (ShowLabels) w.WriteBoolean("showlabels", true);
        if (!Filled) w.WriteString("coloring", "lines");
        w.WriteEndObject();
    }
}
