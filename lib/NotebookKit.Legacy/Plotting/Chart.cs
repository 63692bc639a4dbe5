using NotebookKit.Tensors;

namespace NotebookKit.Plotting;

/// <summary>
/// Figure factories in the style of Plotly.NET's C# API: required data first, then named optional arguments;
/// style the result with <see cref="Figure"/>'s <c>With*</c> methods and lay figures out with
/// <see cref="Combine(Figure[])"/> and <see cref="Grid"/>. Data arguments take <c>double[]</c>, <c>float[]</c>,
/// <c>int[]</c>, lists and 1-d tensors (<see cref="Series"/>); LINQ sequences through the
/// <c>IEnumerable&lt;double&gt;</c> overloads. Bad data (empty, mismatched lengths, NaN/∞) throws an error naming
/// the chart and the argument instead of drawing a silently wrong plot.
/// </summary>
public static partial class Chart
{
    /// <summary>
    /// A line through <c>(x[i], y[i])</c>, e.g. a loss curve. <c>showMarkers: true</c> also draws a marker at each
    /// point (<c>mode = "lines+markers"</c>), e.g. for an optimisation path.
    /// </summary>
    /// <example><code>Chart.Line(epochs, trainLoss, name: "train")</code></example>
    public static Figure Line(Series x, Series y, string? name = null, string? color = null, LineDash dash = LineDash.Solid,
        double? width = null, bool showMarkers = false, double? opacity = null)
    {
        const string chart = "Chart.Line";
        var (xs, ys) = XY(chart, x, y);
        ChartCheck.Opacity(chart, opacity);
        if (width is double lw && !(lw > 0)) throw new ArgumentOutOfRangeException(nameof(width), $"{chart}: width must be positive; got {lw}.");
        return new Figure([new ScatterTrace
        {
            X = xs, Y = ys, Name = name, Color = color, Dash = dash, LineWidth = width, Opacity = opacity,
            Mode = showMarkers ? ScatterMode.LinesMarkers : ScatterMode.Lines,
        }]);
    }

    /// <summary>A line through <c>(i, y[i])</c>, i = 0, 1, ... (e.g. a loss per step).</summary>
    public static Figure Line(Series y, string? name = null, string? color = null, LineDash dash = LineDash.Solid,
        double? width = null, bool showMarkers = false, double? opacity = null) =>
        Line(Indices("Chart.Line", y), y, name, color, dash, width, showMarkers, opacity);

    /// <inheritdoc cref="Line(Series, Series, string?, string?, LineDash, double?, bool, double?)"/>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? color = null,
        LineDash dash = LineDash.Solid, double? width = null, bool showMarkers = false, double? opacity = null) =>
        Line(Series.From(x), Series.From(y), name, color, dash, width, showMarkers, opacity);

    /// <inheritdoc cref="Line(Series, string?, string?, LineDash, double?, bool, double?)"/>
    public static Figure Line(IEnumerable<double> y, string? name = null, string? color = null, LineDash dash = LineDash.Solid,
        double? width = null, bool showMarkers = false, double? opacity = null) =>
        Line(Series.From(y), name, color, dash, width, showMarkers, opacity);

    /// <summary>
    /// Points <c>(x[i], y[i])</c>. With <paramref name="labels"/> (one class per point, e.g. <c>batch.Y</c>) the
    /// points are split into one trace per class, coloured by <see cref="Colors.ForClass"/> and named by
    /// <paramref name="classNames"/> (indexed by class) or the label itself, so the legend toggles classes.
    /// <paramref name="text"/> is hover text, one per point.
    /// </summary>
    /// <example><code>Chart.Scatter(z0, z1, labels: y, classNames: FashionMnist.ClassNames, markerSize: 4, opacity: 0.6)</code></example>
    public static Figure Scatter(Series x, Series y, ScatterMode mode = ScatterMode.Markers, string? name = null, Labels labels = default,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? text = null, double? markerSize = null, double? opacity = null,
        string? color = null)
    {
        const string chart = "Chart.Scatter";
        var (xs, ys) = XY(chart, x, y);
        ChartCheck.Texts(chart, nameof(text), text, xs.Length);
        ChartCheck.Opacity(chart, opacity);
        if (markerSize is double ms && !(ms > 0)) throw new ArgumentOutOfRangeException(nameof(markerSize), $"{chart}: markerSize must be positive; got {ms}.");
        var template = new ScatterTrace { X = xs, Y = ys, Mode = mode, Name = name, Text = text?.ToArray(), MarkerSize = markerSize, Opacity = opacity, Color = color };
        if (labels.IsNull) return new Figure([template]);
        ChartCheck.SameLength(chart, "x", xs.Length, nameof(labels), labels.Count);
        if (color != null) throw new ArgumentException($"{chart}: give either color or labels; labels colour each class.", nameof(color));
        return new Figure(ByClass(chart, template, labels, classNames));
    }

    /// <summary>Points from an (N, 2) tensor, e.g. a 2-d latent code: column 0 is x, column 1 is y.</summary>
    public static Figure Scatter(Tensor points, ScatterMode mode = ScatterMode.Markers, string? name = null, Labels labels = default,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? text = null, double? markerSize = null, double? opacity = null,
        string? color = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dim != 2 || points.Shape[1] != 2)
            throw new ArgumentException($"Chart.Scatter: points must have shape (N, 2); got ({string.Join(", ", points.Shape)}). Pass x and y separately otherwise.", nameof(points));
        var data = points.ToArray();
        var xs = new float[data.Length / 2];
        var ys = new float[data.Length / 2];
        for (int i = 0; i < xs.Length; i++) (xs[i], ys[i]) = (data[2 * i], data[2 * i + 1]);
        return Scatter(xs, ys, mode, name, labels, classNames, text, markerSize, opacity, color);
    }

    /// <inheritdoc cref="Scatter(Series, Series, ScatterMode, string?, Labels, IReadOnlyList{string}?, IReadOnlyList{string}?, double?, double?, string?)"/>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, ScatterMode mode = ScatterMode.Markers, string? name = null,
        Labels labels = default, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? text = null, double? markerSize = null,
        double? opacity = null, string? color = null) =>
        Scatter(Series.From(x), Series.From(y), mode, name, labels, classNames, text, markerSize, opacity, color);

    private static (double[] X, double[] Y) XY(string chart, Series x, Series y)
    {
        var xs = ChartCheck.Values(chart, "x", x);
        var ys = ChartCheck.Values(chart, "y", y);
        ChartCheck.SameLength(chart, "x", xs.Length, "y", ys.Length);
        return (xs, ys);
    }

    private static Series Indices(string chart, Series y)
    {
        if (y.IsNull) throw new ArgumentNullException(nameof(y), $"{chart}: y is null.");
        return Enumerable.Range(0, y.Count).ToArray();
    }

    /// <summary>One trace per class, in class order (ascending for integers, first appearance for strings).</summary>
    private static IEnumerable<Trace> ByClass(string chart, ScatterTrace template, Labels labels, IReadOnlyList<string>? classNames)
    {
        var keys = labels.Ints?.Select(i => (object)i).ToArray() ?? labels.Strings!.Select(s => (object)(s ?? "")).ToArray();
        var classes = labels.IsInteger ? keys.Distinct().OrderBy(k => (int)k).ToList() : keys.Distinct().ToList();
        if (labels.IsInteger && classNames != null && classes.FirstOrDefault(k => (int)k < 0 || (int)k >= classNames.Count) is int bad)
            throw new ArgumentException($"{chart}: label {bad} has no entry in classNames ({classNames.Count} names, for classes 0…{classNames.Count - 1}).", nameof(classNames));
        for (int c = 0; c < classes.Count; c++)
        {
            var idx = Enumerable.Range(0, keys.Length).Where(i => Equals(keys[i], classes[c])).ToArray();
            var className = classes[c] is int k ? classNames?[k] ?? k.ToString() : (string)classes[c];
            yield return template with
            {
                X = idx.Select(i => template.X[i]).ToArray(),
                Y = idx.Select(i => template.Y[i]).ToArray(),
                Text = template.Text == null ? null : idx.Select(i => template.Text[i]).ToArray(),
                Name = template.Name == null ? className : $"{template.Name}: {className}",
                LegendGroup = className,
                Color = classes[c] is int label ? Colors.ForClass(label) : Colors.ForClass(c),
            };
        }
    }
}
