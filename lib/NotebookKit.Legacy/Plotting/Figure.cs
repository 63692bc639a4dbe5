using System.Collections.Immutable;
using System.Globalization;
using NotebookKit.Interactive;

namespace NotebookKit.Plotting;

/// <summary>
/// A Plotly figure: data traces and a layout. Immutable — every <c>With*</c> returns a new figure and leaves this
/// one as it was, so a base chart can be styled several ways. Build figures with <see cref="Chart"/>; in a
/// notebook a figure renders as an interactive plot (<see cref="FigureFormatterSource"/>); <see cref="ToJson"/>
/// gives Plotly's figure JSON.
/// </summary>
/// <example><code>
/// Chart.Combine(Chart.Line(epochs, trainLoss, name: "train"), Chart.Line(epochs, testLoss, name: "test"))
///     .WithTitle("VAE loss").WithXAxisStyle("epoch").WithYAxisStyle("nats", log: true)
/// </code></example>
[TypeFormatterSource(typeof(FigureFormatterSource))]
public sealed partial class Figure
{
    public Figure(IEnumerable<Trace> data, Layout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data.ToImmutableList();
        if (Data.Contains(null!)) throw new ArgumentException("Figure: a trace is null.", nameof(data));
        Layout = layout ?? new Layout();
    }

    /// <summary>The traces, in drawing order.</summary>
    public ImmutableList<Trace> Data { get; }

    public Layout Layout { get; }

    public Figure WithTitle(string title) => new(Data, Layout with { Title = title });

    /// <summary>
    /// Styles the x axis of <paramref name="subplot"/> (1-based, for grids). <paramref name="log"/> makes it
    /// logarithmic; <paramref name="range"/> is in data units (also on a log axis). Unset arguments keep the current style.
    /// </summary>
    public Figure WithXAxisStyle(string? title = null, bool? log = null, (double Min, double Max)? range = null, int subplot = 1) =>
        new(Data, Layout.WithXAxis(subplot, Style("WithXAxisStyle", Layout.XAxis(CheckSubplot(subplot)), title, log, range)));

    /// <inheritdoc cref="WithXAxisStyle"/>
    public Figure WithYAxisStyle(string? title = null, bool? log = null, (double Min, double Max)? range = null, int subplot = 1) =>
        new(Data, Layout.WithYAxis(subplot, Style("WithYAxisStyle", Layout.YAxis(CheckSubplot(subplot)), title, log, range)));

    /// <summary>Size in pixels (null in Plotly: fill the output's width, 450 px high).</summary>
    public Figure WithSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Figure.WithSize: width and height must be positive; got {width} × {height}.");
        return new(Data, Layout with { Width = width, Height = height });
    }

    public Figure WithLegend(bool show) => new(Data, Layout with { ShowLegend = show });

    /// <summary>Renames trace <paramref name="index"/> (0 for a single-trace chart).</summary>
    public Figure WithTraceName(string name, int index = 0)
    {
        if (index < 0 || index >= Data.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"Figure.WithTraceName: index {index} is out of range; the figure has {Data.Count} trace(s).");
        return new(Data.SetItem(index, Data[index] with { Name = name }), Layout);
    }

    /// <summary>Sets the colour scale of every heat map, contour and surface trace.</summary>
    public Figure WithColorscale(Colorscale colorscale)
    {
        ArgumentNullException.ThrowIfNull(colorscale);
        if (!Data.Any(t => t is MatrixTrace))
            throw new InvalidOperationException($"Figure.WithColorscale: the figure has no heat map, contour or surface trace ({TraceSummary()}).");
        return new(Data.Select(t => t is MatrixTrace m ? m with { Colorscale = colorscale } : t), Layout);
    }

    /// <summary>E.g. <c>Figure: 2 traces (scatter ×2), title 'Loss', x 'epoch', y 'nats' (log)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"Figure: {Data.Count} trace{(Data.Count == 1 ? "" : "s")} ({TraceSummary()})" };
        if (Layout.Grid is var (rows, cols)) parts.Add($"{rows}×{cols} grid");
        if (Layout.Title != null) parts.Add($"title '{Layout.Title}'");
        parts.Add(AxisSummary("x", Layout.XAxis(1)));
        parts.Add(AxisSummary("y", Layout.YAxis(1)));
        if (Layout.Width is int w && Layout.Height is int h) parts.Add($"{w}×{h} px");
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    private string TraceSummary() =>
        Data.Count == 0 ? "empty" : string.Join(", ", Data.GroupBy(t => t.Type).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));

    private static string AxisSummary(string letter, Axis axis)
    {
        var s = axis.Title != null ? $"{letter} '{axis.Title}'" : "";
        if (axis.Log == true) s = (s.Length > 0 ? s + " " : letter + " ") + "(log)";
        if (axis.Range is var (min, max))
            s = (s.Length > 0 ? s + " " : letter + " ") + string.Create(CultureInfo.InvariantCulture, $"[{min}, {max}]");
        return s;
    }

    private int CheckSubplot(int subplot)
    {
        int max = Math.Max(1, Math.Max(Layout.XAxes.Count, Data.Count == 0 ? 1 : Data.Max(t => t.Subplot)));
        if (subplot < 1 || subplot > max)
            throw new ArgumentOutOfRangeException(nameof(subplot), $"Figure: subplot {subplot} does not exist; this figure has subplots 1…{max}.");
        return subplot;
    }

    private static Axis Style(string method, Axis axis, string? title, bool? log, (double Min, double Max)? range)
    {
        if (range is var (min, max) && (!double.IsFinite(min) || !double.IsFinite(max) || min >= max))
            throw new ArgumentException($"Figure.{method}: range must be finite with min < max; got ({min}, {max}).", nameof(range));
        var styled = axis with { Title = title ?? axis.Title, Log = log ?? axis.Log, Range = range ?? axis.Range };
        if (styled.Log == true && styled.Range is var (lo, hi) && lo <= 0)
            throw new ArgumentException($"Figure.{method}: a log axis needs a positive range; got ({lo}, {hi}).", nameof(range));
        return styled;
    }
}
