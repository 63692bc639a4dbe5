using System.Collections.Immutable;
using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>
/// A figure's layout (Plotly's <c>layout</c>): title, size, legend and one x and one y <see cref="Axis"/> per
/// subplot (index 0 is subplot 1). Immutable; <see cref="Figure"/>'s <c>With*</c> methods build new ones.
/// </summary>
public sealed record Layout
{
    public string? Title { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool? ShowLegend { get; init; }

    /// <summary>How bars and histograms in the same axes combine ("overlay", "group", "stack"); null: Plotly's "group".</summary>
    public string? BarMode { get; init; }

    public ImmutableList<Axis> XAxes { get; init; } = [];
    public ImmutableList<Axis> YAxes { get; init; } = [];
    public ImmutableList<Annotation> Annotations { get; init; } = [];

    /// <summary>Rows and columns when the figure is a <see cref="Chart.Grid"/>; null for a single plot.</summary>
    public (int Rows, int Columns)? Grid { get; init; }

    public Axis XAxis(int subplot) => subplot >= 1 && subplot <= XAxes.Count ? XAxes[subplot - 1] : Axis.Empty;
    public Axis YAxis(int subplot) => subplot >= 1 && subplot <= YAxes.Count ? YAxes[subplot - 1] : Axis.Empty;

    internal Layout WithXAxis(int subplot, Axis axis) => this with { XAxes = Set(XAxes, subplot, axis) };
    internal Layout WithYAxis(int subplot, Axis axis) => this with { YAxes = Set(YAxes, subplot, axis) };

    private static ImmutableList<Axis> Set(ImmutableList<Axis> axes, int subplot, Axis axis)
    {
        while (axes.Count < subplot) axes = axes.Add(Axis.Empty);
        return axes.SetItem(subplot - 1, axis);
    }

    /// <summary>This layout, with what it leaves unset taken from <paramref name="other"/> (axes merged one by one).</summary>
    public Layout Merge(Layout other)
    {
        var merged = this with
        {
            Title = Title ?? other.Title,
            Width = Width ?? other.Width,
            Height = Height ?? other.Height,
            ShowLegend = ShowLegend ?? other.ShowLegend,
            BarMode = BarMode ?? other.BarMode,
            Annotations = Annotations.AddRange(other.Annotations),
            Grid = Grid ?? other.Grid,
        };
        for (int k = 1; k <= other.XAxes.Count; k++) merged = merged.WithXAxis(k, XAxis(k).Merge(other.XAxis(k)));
        for (int k = 1; k <= other.YAxes.Count; k++) merged = merged.WithYAxis(k, YAxis(k).Merge(other.YAxis(k)));
        return merged;
    }

    internal void WriteJson(Utf8JsonWriter w, IReadOnlyList<Trace> traces)
    {
        w.WriteStartObject("layout");
        JsonOut.Title(w, Title);
        if (Width is int width) w.WriteNumber("width", width);
        if (Height is int height) w.WriteNumber("height", height);
        if (ShowLegend is bool legend) w.WriteBoolean("showlegend", legend);
        if (BarMode != null) w.WriteString("barmode", BarMode);
        int subplots = Math.Max(Math.Max(XAxes.Count, YAxes.Count), traces.Count == 0 ? 1 : traces.Max(t => t.Subplot));
        for (int k = 1; k <= subplots; k++)
        {
            if (traces.Any(t => t.Subplot == k && t.Is3D)) WriteScene(w, k);
            else WriteAxes(w, k);
        }
        if (Annotations.Count > 0)
        {
            w.WriteStartArray("annotations");
            foreach (var a in Annotations) a.WriteJson(w);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private void WriteAxes(Utf8JsonWriter w, int k)
    {
        // Subplot k > 1 ties xaxis{k} to yaxis{k} (anchor), so each cell's axes cross at its own corner.
        if (k > 1 || !XAxis(k).IsEmpty) XAxis(k).WriteJson(w, JsonOut.Id("xaxis", k), k > 1 ? JsonOut.Id("y", k) : null);
        if (k > 1 || !YAxis(k).IsEmpty) YAxis(k).WriteJson(w, JsonOut.Id("yaxis", k), k > 1 ? JsonOut.Id("x", k) : null);
    }

    private void WriteScene(Utf8JsonWriter w, int k)
    {
        var (x, y) = (XAxis(k), YAxis(k));
        w.WriteStartObject(JsonOut.Id("scene", k));
        if (x.Domain is var (x0, x1) && y.Domain is var (y0, y1))
        {
            w.WriteStartObject("domain");
            JsonOut.Pair(w, "x", x0, x1);
            JsonOut.Pair(w, "y", y0, y1);
            w.WriteEndObject();
        }
        (x with { Domain = null }).WriteJson(w, "xaxis", null);
        (y with { Domain = null }).WriteJson(w, "yaxis", null);
        w.WriteEndObject();
    }
}
