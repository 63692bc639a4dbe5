using System.Globalization;
using System.Net;
using System.Text;
using NotebookKit.Plotting;

namespace NotebookKit.Interactive;

/// <summary>
/// A snapshot of a <see cref="Progress"/>: the bar (step, rate, ETA, latest metrics) and a loss chart of the
/// recorded metrics. Immutable; a notebook host shows it as an interactive chart titled with the bar
/// (<c>application/vnd.plotly.v1+json</c>), as HTML (bar and chart) or as the one-line text bar.
/// </summary>
[TypeFormatterSource(typeof(ProgressViewFormatterSource))]
public sealed class ProgressView
{
    /// <summary>At most this many points per metric go into the chart (longer histories are averaged in buckets).</summary>
    public const int MaxChartPoints = 1000;

    internal ProgressView(string? title, int step, int total, TimeSpan elapsed, bool done,
        IReadOnlyDictionary<string, List<(int Step, double Value)>> history)
    {
        Title = title;
        Step = step;
        Total = total;
        Elapsed = elapsed;
        Done = done;
        Metrics = history.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(int Step, double Value)>)kv.Value.ToArray());
    }

    public string? Title { get; }
    public int Step { get; }
    public int Total { get; }
    public TimeSpan Elapsed { get; }
    public bool Done { get; }

    /// <summary>Every reported value of every metric, in report order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(int Step, double Value)>> Metrics { get; }

    public double Fraction => Total == 0 ? 1 : Math.Clamp((double)Step / Total, 0, 1);

    /// <summary>Steps per second so far (0 before the first step).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Step / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate (null when unknown).</summary>
    public TimeSpan? Eta => Done ? TimeSpan.Zero : Rate > 0 ? TimeSpan.FromSeconds((Total - Step) / Rate) : null;

    /// <summary>The loss chart: one line per metric against the step; non-finite values are left out of the chart (the bar shows them).</summary>
    public Figure Chart()
    {
        var lines = Metrics.Select(kv => Downsample(kv.Value.Where(p => double.IsFinite(p.Value)).ToArray()) is var (x, y) && x.Length > 0
            ? Plotting.Chart.Line(x, y, name: kv.Key) : null).OfType<Figure>().ToArray();
        var figure = lines.Length == 0 ? new Figure([]) : Plotting.Chart.Combine(lines);
        return figure.WithTitle(Status()).WithXAxisStyle("step");
    }

    /// <summary>E.g. <c>VAE  45% |#########           | 120/469 [00:10&lt;00:28, 12.3 it/s] loss=123.4</c>.</summary>
    public override string ToString()
    {
        const int width = 20;
        int filled = (int)Math.Round(Fraction * width);
        return $"{(Title != null ? Title + "  " : "")}{Fraction * 100,3:0}% |{new string('#', filled)}{new string(' ', width - filled)}| {Details()}";
    }

    /// <summary>The bar without the drawing: "45% · 120/469 · ..."</summary>
    private string Status() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Title != null ? Title + " · " : "")}{Fraction * 100:0}% · {Details()}");

    private string Details()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Step}/{Total} [{Clock(Elapsed)}<{(Eta is TimeSpan eta ? Clock(eta) : "?")}, {RateText()}]");
        foreach (var (name, values) in Metrics)
            if (values.Count > 0) sb.Append(CultureInfo.InvariantCulture, $" {name}={values[^1].Value:G4}");
        if (Done) sb.Append(" done");
        return sb.ToString();
    }

    private string RateText() =>
        Rate >= 1 || Rate == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Rate:0.0} it/s") : string.Create(CultureInfo.InvariantCulture, $"{1 / Rate:0.0} s/it");

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes:00}:{t.Seconds:00}";

    internal string ToHtml(bool withChart)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"nbkit-progress\">");
        sb.Append(CultureInfo.InvariantCulture, $"<progress value=\"{Step}\" max=\"{Math.Max(Total, 1)}\" style=\"width:100%\"></progress>");
        sb.Append(CultureInfo.InvariantCulture, $"<div style=\"font-family:monospace\">{WebUtility.HtmlEncode(Status())}</div>");
        if (withChart) sb.Append(PlotlyHtml.Render(Chart().WithTitle(Title ?? "")));
        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>Bucket means, so a 50 000-step run stays a light chart.</summary>
    private static (double[] X, double[] Y) Downsample((int Step, double Value)[] points)
    {
        int buckets = Math.Min(points.Length, MaxChartPoints);
        var (x, y) = (new double[buckets], new double[buckets]);
        for (int b = 0; b < buckets; b++)
        {
            int from = (int)((long)b * points.Length / buckets), to = (int)((long)(b + 1) * points.Length / buckets);
            for (int i = from; i < to; i++) { x[b] += points[i].Step; y[b] += points[i].Value; }
            x[b] /= to - from;
            y[b] /= to - from;
        }
        return (x, y);
    }
}
