using NotebookKit.Interactive;

namespace NotebookKit.Plotting;

/// <summary>
/// Renders a <see cref="Figure"/> (found through <see cref="TypeFormatterSourceAttribute"/>):
/// <c>application/vnd.plotly.v1+json</c> (JupyterLab and VS Code draw it natively), <c>text/html</c> (a div and a
/// plotly.js script, for other front ends and exported pages) and <c>text/plain</c> (<see cref="Figure.ToString"/>).
/// </summary>
public sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter(PlotlyHtml.PlotlyMimeType, (f, w) => w.Write(f.ToJson())),
        new MimeFormatter("text/html", (f, w) => w.Write(PlotlyHtml.Render(f))),
        new MimeFormatter("text/plain", (f, w) => w.Write(f.ToString())),
    ];

    /// <summary>One formatter, in the shape the convention expects (<c>MimeType</c>, <c>Format(object, TextWriter)</c>).</summary>
    private sealed class MimeFormatter(string mimeType, Action<Figure, TextWriter> write)
    {
        public string MimeType { get; } = mimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not Figure figure) return false;
            write(figure, writer);
            return true;
        }
    }
}
