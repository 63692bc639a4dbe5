using System.Text;

namespace NotebookKit.Interactive;

/// <summary>
/// A standalone HTML page from a notebook's blocks: markdown (already HTML), code cells and their outputs. Figures
/// are drawn by one copy of plotly.js embedded in the page, images are data URIs, so the file opens offline.
/// </summary>
/// <remarks>
/// For each output bundle the page shows the richest type it can: <c>application/vnd.plotly.v1+json</c> (a div drawn
/// with <c>Plotly.newPlot(div, {data, layout, frames, config})</c> (frames kept, so animations play); preferred over the bundle's <c>text/html</c>,
/// which may load plotly through require.js or a CDN), then as Jupyter: <c>text/html</c> (as is; an image grid's, with
/// its title and captions), <c>image/svg+xml</c>, <c>image/png</c>, <c>image/jpeg</c>, and <c>text/plain</c> (escaped). plotly.js is embedded only when the page has a figure;
/// it is found by <see cref="PlotlyJs.Locate"/> (<see cref="PlotlyJsPath"/>, else <c>NOTEBOOKKIT_PLOTLY_JS</c>, else
/// <c>vendor/plotly/plotly.min.js</c> from <c>bash environment/fetch-assets.sh</c>). Each figure div ends with
/// <c>data-nbk-state="drawn"</c> or <c>"error"</c> (and a visible message), so a browser check can tell.
/// </remarks>
/// <example><code>
/// new HtmlPage("VAE on Fashion-MNIST")
///     .AddMarkdownHtml("&lt;h1&gt;VAE&lt;/h1&gt;")
///     .AddCode("var yHat = model.Forward(X);", executionCount: 3)
///     .AddOutput(Formatting.ToMimeBundle(figure))
///     .Save("out/vae.html");
/// </code></example>
public sealed partial class HtmlPage
{
    private readonly List<HtmlBlock> blocks = [];

    /// <param name="title">The page's <c>&lt;title&gt;</c> (escaped).</param>
    /// <param name="blocks">Initial blocks, in order.</param>
    public HtmlPage(string title, IEnumerable<HtmlBlock>? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        if (blocks != null) foreach (var b in blocks) Add(b);
    }

    public string Title { get; }

    /// <summary>The plotly.min.js to embed; null finds it (see <see cref="PlotlyJs.Locate"/>).</summary>
    public string? PlotlyJsPath { get; set; }

    public IReadOnlyList<HtmlBlock> Blocks => blocks;

    /// <summary>How many outputs the page draws as plotly figures.</summary>
    public int FigureCount => blocks.Count(b => b.Kind == HtmlBlockKind.Output && ChooseMimeType(b.Bundle!) == PlotlyMimeType);

    public HtmlPage Add(HtmlBlock block)
    {
        blocks.Add(block ?? throw new ArgumentNullException(nameof(block)));
        return this;
    }

    public HtmlPage AddMarkdownHtml(string html) => Add(HtmlBlock.Markdown(html));

    public HtmlPage AddCode(string source, int? executionCount = null) => Add(HtmlBlock.Code(source, executionCount));

    public HtmlPage AddOutput(MimeBundle bundle) => Add(HtmlBlock.Output(bundle));

    /// <summary>Renders <paramref name="value"/> with <see cref="Formatting.ToMimeBundle"/> and adds it.</summary>
    public HtmlPage AddValue(object? value) => AddOutput(Formatting.ToMimeBundle(value));

    public HtmlPage AddStream(string name, string text) => Add(HtmlBlock.Stream(name, text));

    public HtmlPage AddError(string ename, string evalue, IEnumerable<string>? traceback = null) =>
        Add(HtmlBlock.Error(ename, evalue, traceback));

    /// <summary>The MathJax script (es5/tex-svg.js) to embed when the page has TeX; null finds it under vendor/mathjax.</summary>
    public string? MathJaxPath { get; set; }

    /// <summary>Markdown's formulas (<c>span.math</c>, <c>span.math.display</c>, <c>div.math</c>); text that merely says <c>class="math"</c> is escaped, so cannot match.</summary>
    private static bool HasMath(StringBuilder body)
    {
        var html = body.ToString();
        return html.Contains("<span class=\"math", StringComparison.Ordinal) || html.Contains("<div class=\"math", StringComparison.Ordinal);
    }

    /// <summary>The whole page as one HTML document.</summary>
    public string ToHtml()
    {
        var body = new StringBuilder();
        int figures = 0;
        foreach (var block in blocks) RenderBlock(body, block, ref figures);

        var sb = new StringBuilder(body.Length + 8192);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"NotebookKit\">\n")
          .Append("<title>").Append(HtmlText.Escape(Title)).Append("</title>\n")
          .Append("<style>\n").Append(HtmlStyle.Css).Append("</style>\n");
        if (figures > 0)
            sb.Append("<script>\n").Append(HtmlText.ScriptForScript(PlotlyJs.Read(PlotlyJsPath))).Append("\n</script>\n");
        if (HasMath(body))
            // TeX in markdown cells (Markdown keeps it in span.math / div.math) is typeset offline by MathJax's SVG output.
            sb.Append("<script>\nwindow.MathJax = { tex: { inlineMath: [['\\\\(', '\\\\)']], displayMath: [['\\\\[', '\\\\]']] }, ")
              .Append("svg: { fontCache: 'global' }, options: { processHtmlClass: 'math', ignoreHtmlClass: 'nbk-page' } };\n</script>\n")
              .Append("<script>\n").Append(HtmlText.ScriptForScript(VendorAsset.MathJax.Read(MathJaxPath))).Append("\n</script>\n");
        sb.Append("</head>\n<body>\n<main class=\"nbk-page\">\n").Append(body).Append("</main>\n");
        if (figures > 0) sb.Append("<script>\n").Append(HtmlStyle.FigureScript).Append("</script>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page as UTF-8, atomically (a temp file beside <paramref name="path"/>, then a rename); creates the folder.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        HtmlText.WriteAtomically(path, ToHtml());
    }
}
