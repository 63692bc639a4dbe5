using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NotebookKit.Interactive;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NotebookKit.Display;

/// <summary>
/// A snapshot of a <see cref="Progress"/>: the bar (step, rate, ETA, latest metrics) and a Plotly line chart of the
/// recorded metrics against the step, titled with the bar. Immutable; shown as the chart's figure JSON (when metrics
/// were reported), as HTML (bar and chart) or as the one-line text bar.
/// </summary>
[TypeFormatterSource(typeof(FormatterSource), PreferredMimeTypes = [PlotlyHtml.MimeType, "text/html", "text/plain"])]
public sealed class ProgressView
{
    /// <summary>At most this many points per metric go into the chart (longer histories are averaged in buckets).</summary>
    public const int MaxChartPoints = 1000;

    private GenericChart? chart;

    internal ProgressView(string? title, int step, int total, TimeSpan elapsed, bool done,
        IReadOnlyDictionary<string, List<(int Step, double Value)>> history)
    {
        (Title, Step, Total, Elapsed, Done) = (title, step, total, elapsed, done);
        Metrics = history.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(int Step, double Value)>)kv.Value.ToArray());
    }

    public string? Title { get; }
    public int Step { get; }
    public int Total { get; }
    public TimeSpan Elapsed { get; }
    public bool Done { get; }

    /// <summary>Every reported value of every metric, in report order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(int Step, double Value)>> Metrics { get; }

    public double Fraction => Math.Clamp((double)Step / Total, 0, 1);

    /// <summary>Steps per second so far (0 before the first step).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Step / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate (null when unknown).</summary>
    public TimeSpan? Eta => Done ? TimeSpan.Zero : Rate > 0 ? TimeSpan.FromSeconds((Total - Step) / Rate) : null;

    /// <summary>One line per metric against the step (non-finite values left out; the bar shows them); built once.</summary>
    public GenericChart Chart() => chart ??= BuildChart();

    /// <summary>
    /// The same figure as <see cref="Chart"/>, written straight to plotly JSON. A live redraw happens every few hundred
    /// steps, and Plotly.NET's <c>toFigureJson</c> costs 0.75–1 s per chart here (its F# serializer reflects over the
    /// whole object model), which throttled live charts to one redraw per ~10 s; this costs about a millisecond.
    /// </summary>
    internal string FigureJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var (name, values) in Metrics)
            {
                var (x, y) = Downsample(values.Where(p => double.IsFinite(p.Value)).ToArray());
                if (x.Length == 0) continue;
                w.WriteStartObject();
                w.WriteString("type", "scatter");
                w.WriteString("mode", "lines");
                w.WriteString("name", name);
                WriteNumbers(w, "x", x);
                WriteNumbers(w, "y", y);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("layout");
            w.WriteStartObject("title");
            w.WriteString("text", Status());
            w.WriteEndObject();
            w.WriteStartObject("xaxis");
            w.WriteStartObject("title");
            w.WriteString("text", "step");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private GenericChart BuildChart()
    {
        var lines = Metrics.Select(kv => Downsample(kv.Value.Where(p => double.IsFinite(p.Value)).ToArray()) is var (x, y) && x.Length > 0
            ? CSharpChart.Line<double, double, string>(x, y, Name: kv.Key) : null).OfType<GenericChart>().ToArray();
        var combined = lines.Length == 0 ? CSharpChart.Invisible() : CSharpChart.Combine(lines);
        return combined.WithTitle(Status()).WithAxisTitles(x: "step");
    }

    /// <summary>E.g. <c>VAE  45% |#########           | 120/469 [00:10&lt;00:28, 12.3 it/s] loss=123.4</c>.</summary>
    public override string ToString()
    {
        const int width = 20;
        int filled = (int)Math.Round(Fraction * width);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(Title != null ? Title + "  " : "")}{Fraction * 100,3:0}% |{new string('#', filled)}{new string(' ', width - filled)}| {Details()}");
    }

    private string Status() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Title != null ? Title + " · " : "")}{Fraction * 100:0}% · {Details()}");

    private string Details()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Step}/{Total} [{Clock(Elapsed)}<{(Eta is { } eta ? Clock(eta) : "?")}, {RateText()}]");
        foreach (var (name, values) in Metrics)
            if (values.Count > 0) sb.Append(CultureInfo.InvariantCulture, $" {name}={values[^1].Value:G4}");
        if (Done) sb.Append(" done");
        return sb.ToString();
    }

    private string RateText() => Rate >= 1 || Rate == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Rate:0.0} it/s")
        : string.Create(CultureInfo.InvariantCulture, $"{1 / Rate:0.0} s/it");

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes:00}:{t.Seconds:00}";

    internal string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"nbkit-progress\">");
        sb.Append(CultureInfo.InvariantCulture, $"<progress value=\"{Step}\" max=\"{Total}\" style=\"width:100%\"></progress>");
        sb.Append("<div style=\"font-family:monospace\">").Append(WebUtility.HtmlEncode(Status())).Append("</div>");
        if (Metrics.Count > 0) sb.Append(PlotlyHtml.Render(FigureJson()));
        return sb.Append("</div>").ToString();
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

    private sealed class FormatterSource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new TypeFormatter<ProgressView>(PlotlyHtml.MimeType, (v, w) =>
            {
                if (v.Metrics.Count == 0) return false;
                w.Write(v.FigureJson());
                return true;
            }),
            new TypeFormatter<ProgressView>("text/html", (v, w) => w.Write(v.ToHtml())),
            new TypeFormatter<ProgressView>("text/plain", (v, w) => w.Write(v.ToString())),
        ];
    }
}
