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
        new ViewFormatter(PlotlyHtml.PlotlyMimeType, (v, w) =>
        {
            if (v.Metrics.Count == 0) return false;
            w.Write(v.Chart().ToJson());
            return true;
        }),
        new ViewFormatter("text/html", (v, w) =>
        {
            w.Write(v.ToHtml(withChart: v.Metrics.Count > 0));
            return true;
        }),
        new ViewFormatter("text/plain", (v, w) =>
        {
            w.Write(v.ToString());
            return true;
        }),
    ];

    private sealed class ViewFormatter(string mimeType, Func<ProgressView, TextWriter, bool> write)
    {
        public string MimeType { get; } = mimeType;

        public bool Format(object instance, TextWriter writer) => instance is ProgressView view && write(view, writer);
    }
}
