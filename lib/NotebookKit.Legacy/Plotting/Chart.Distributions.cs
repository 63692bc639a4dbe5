namespace NotebookKit.Plotting;

public static partial class Chart
{
    /// <summary>One bar per category, e.g. accuracy per class.</summary>
    /// <example><code>Chart.Bar(FashionMnist.ClassNames, perClassAccuracy, name: "VAE")</code></example>
    public static Figure Bar(IEnumerable<string> categories, Series values, string? name = null, string? color = null, double? opacity = null)
    {
        const string chart = "Chart.Bar";
        if (categories == null) throw new ArgumentNullException(nameof(categories), $"{chart}: categories is null.");
        var cats = categories.ToArray();
        if (cats.Length == 0) throw new ArgumentException($"{chart}: categories is empty; a chart needs at least one bar.", nameof(categories));
        var ys = ChartCheck.Values(chart, nameof(values), values);
        ChartCheck.SameLength(chart, nameof(categories), cats.Length, nameof(values), ys.Length);
        ChartCheck.Opacity(chart, opacity);
        return new Figure([new BarTrace { X = cats, Y = ys, Name = name, Color = color, Opacity = opacity }]);
    }

    /// <inheritdoc cref="Bar(IEnumerable{string}, Series, string?, string?, double?)"/>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string? name = null, string? color = null, double? opacity = null) =>
        Bar(categories, Series.From(values), name, color, opacity);

    /// <summary>
    /// A histogram of raw values, binned by plotly.js into at most <paramref name="nbins"/> bins.
    /// <paramref name="histnorm"/> = <see cref="HistNorm.ProbabilityDensity"/> makes it comparable with a pdf drawn
    /// with <see cref="Line(Series, Series, string?, string?, LineDash, double?, bool, double?)"/>. Combining
    /// histograms overlays them (<c>barmode = "overlay"</c>); give them an opacity below 1.
    /// </summary>
    /// <example><code>Chart.Histogram(z.ToArray(), nbins: 50, histnorm: HistNorm.ProbabilityDensity, name: "q(z)")</code></example>
    public static Figure Histogram(Series values, int? nbins = null, string? name = null, HistNorm histnorm = HistNorm.None,
        string? color = null, double? opacity = null)
    {
        const string chart = "Chart.Histogram";
        var xs = ChartCheck.Values(chart, nameof(values), values);
        if (nbins is int n && n < 1) throw new ArgumentOutOfRangeException(nameof(nbins), $"{chart}: nbins must be at least 1; got {n}.");
        ChartCheck.Opacity(chart, opacity);
        return new Figure([new HistogramTrace { X = xs, NBins = nbins, Name = name, HistNorm = histnorm, Color = color, Opacity = opacity }]);
    }

    /// <inheritdoc cref="Histogram(Series, int?, string?, HistNorm, string?, double?)"/>
    public static Figure Histogram(IEnumerable<double> values, int? nbins = null, string? name = null, HistNorm histnorm = HistNorm.None,
        string? color = null, double? opacity = null) =>
        Histogram(Series.From(values), nbins, name, histnorm, color, opacity);
}
