using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace NotebookKit.Interactive;

/// <summary>
/// Writes a formula for MathJax: <c>$…$</c> as <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c>, <c>$$…$$</c> as
/// <c>&lt;span class="math display"&gt;\[…\]&lt;/span&gt;</c> (a centred line, as Jupyter shows it); the TeX HTML-escaped.
/// Where Markdig writes plain text (an image's alt text) the TeX alone.
/// </summary>
internal sealed class TexMathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        bool display = math.DelimiterCount == 2;
        if (renderer.EnableHtmlForInline) renderer.Write(display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(");
        renderer.WriteEscape(ref math.Content);
        if (renderer.EnableHtmlForInline) renderer.Write(display ? "\\]</span>" : "\\)</span>");
    }
}
