using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;

namespace NotebookKit.Interactive;

/// <summary>
/// Renders the Markdown of notebook cells to HTML for exported pages (<see cref="HtmlPage"/>) with Markdig, close to
/// how Jupyter and GitHub show it: CommonMark plus pipe tables, strikethrough, task lists, bare-URL links and heading
/// ids (GitHub's <c>the-elbo</c> form, so <c>[see](#the-elbo)</c> works). TeX written as in Jupyter —
/// <c>$…$</c> and <c>$$…$$</c>, across lines too — is kept verbatim (see <see cref="TexMathInlineParser"/>) in
/// <c>span.math</c> / <c>div.math</c>, which <see cref="HtmlPage"/> typesets with the embedded MathJax; underscores and
/// asterisks inside it never become emphasis.
/// </summary>
/// <remarks>
/// Unlike Jupyter, raw HTML in a cell is escaped rather than passed through and <c>javascript:</c>/<c>vbscript:</c>
/// links become <c>#</c>: the page inserts this HTML as is, so a cell must not be able to break or script it.
/// Jupyter lifts TeX out before parsing Markdown; Markdig parses blocks first, so a line inside a paragraph's
/// <c>$$…$$</c> that starts like a block (<c>- </c>, <c>+ </c>, <c>1. </c>, <c>#</c>, <c>&gt;</c>) ends the paragraph there:
/// keep the operator at the end of the previous line, or fence the formula with <c>$$</c> lines.
/// </remarks>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .Use<TexMathExtension>()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = global::Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = WithoutScript };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>Every link and image URL passes here: a script URL (spaces and control characters ignored, as browsers do) becomes <c>#</c>.</summary>
    private static string WithoutScript(string url)
    {
        var scheme = new string(url.Where(c => c > ' ').Take(11).ToArray());
        return scheme.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
               || scheme.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) ? "#" : url;
    }
}
