using NotebookKit.Plotting;

namespace NotebookKit.Interactive;

/// <summary>
/// Renders a <see cref="ProgressView"/>: the loss chart titled with the bar as Plotly JSON (when metrics were
/// reported), the bar and chart as HTML, and the one-line bar as text.
/// </summary>
public sealed class ProgressViewFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<ProgressView>(PlotlyHtml.PlotlyMimeType, (ProgressView v, TextWriter w) =>
        {
            if (v.Metrics.Count == 0) return false;
            w.Write(v.Chart().ToJson());
            return true;
        }),
        new TypeFormatter<ProgressView>("text/html", (v, w) => w.Write(v.ToHtml(withChart: v.Metrics.Count > 0))),
        new TypeFormatter<ProgressView>("text/plain", (v, w) => w.Write(v.ToString())),
    ];
}
