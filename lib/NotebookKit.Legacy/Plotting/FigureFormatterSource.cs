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
        new TypeFormatter<Figure>(PlotlyHtml.PlotlyMimeType, (f, w) => w.Write(f.ToJson())),
        new TypeFormatter<Figure>("text/html", (f, w) => w.Write(PlotlyHtml.Render(f))),
        new TypeFormatter<Figure>("text/plain", (f, w) => w.Write(f.ToString())),
    ];

}
