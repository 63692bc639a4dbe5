using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;

namespace NotebookKit.Interactive;

/// <summary>
/// Markdig's mathematics extension with Jupyter's inline rules: Markdig's <c>$$</c>-fenced block, but
/// <see cref="TexMathInlineParser"/> for <c>$…$</c> / <c>$$…$$</c> inside paragraphs (Markdig's own keeps a formula to
/// one line, and the notebooks break long ones) and <see cref="TexMathInlineRenderer"/> to show <c>$$…$$</c> as display math.
/// </summary>
internal sealed class TexMathExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // First, so that '$' is claimed before emphasis or escapes could see the characters inside a formula.
        if (!pipeline.InlineParsers.Contains<TexMathInlineParser>()) pipeline.InlineParsers.Insert(0, new TexMathInlineParser());
        if (!pipeline.BlockParsers.Contains<MathBlockParser>()) pipeline.BlockParsers.Insert(0, new MathBlockParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        if (!html.ObjectRenderers.Contains<TexMathInlineRenderer>()) html.ObjectRenderers.Insert(0, new TexMathInlineRenderer());
        if (!html.ObjectRenderers.Contains<HtmlMathBlockRenderer>()) html.ObjectRenderers.Insert(0, new HtmlMathBlockRenderer());
    }
}
