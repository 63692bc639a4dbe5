using NotebookKit.Interactive;

namespace NotebookKit.Tests.Interactive;

public class MarkdownTests
{
    [Fact]
    public void HeadingsParagraphsAndEmphasis() => Assert.Equal(
        "<h2>The <em>ELBO</em></h2>\n<p>A <strong>lower</strong> bound on <code>log p(x)</code>.</p>\n",
        Markdown.ToHtml("## The *ELBO*\n\nA **lower** bound on `log p(x)`."));

    [Fact]
    public void MathIsKeptAsTexAndEscaped()
    {
        var html = Markdown.ToHtml("Let $a < b$ and\n\n$$\nz = \\mu + \\sigma \\odot \\epsilon\n$$");
        Assert.Contains("<span class=\"math\">\\(a &lt; b\\)</span>", html);
        Assert.Contains("<div class=\"math display\">\\[z = \\mu + \\sigma \\odot \\epsilon\\]</div>", html);
    }

    [Fact]
    public void SnakeCaseIsNotEmphasis() =>
        Assert.Equal("<p>use num_epochs and batch_size</p>\n", Markdown.ToHtml("use num_epochs and batch_size"));

    [Fact]
    public void NestedListsAndOrderedLists()
    {
        var html = Markdown.ToHtml("* one\n* two\n  * two.a\n* three\n\n1. first\n2. second");
        Assert.Equal(1, Count(html, "<ul>\n<li>one</li>"));
        Assert.Contains("<li>two.a</li>", html);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html);
        Assert.Equal(Count(html, "<ul>"), Count(html, "</ul>"));
    }

    [Fact]
    public void PipeTablesWithAlignment()
    {
        var html = Markdown.ToHtml("| model | MSE |\n| --- | ---: |\n| PCA | 0.021 |\n| AE | 0.012 |");
        Assert.Contains("<th>model</th><th style=\"text-align:right\">MSE</th>", html);
        Assert.Contains("<td>AE</td><td style=\"text-align:right\">0.012</td>", html);
    }

    [Fact]
    public void RawHtmlAndScriptLinksAreNeutralised()
    {
        var html = Markdown.ToHtml("<script>alert(1)</script> [x](javascript:alert(1))");
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<a href=\"#\">x</a>", html);
    }

    [Fact]
    public void FencedCodeIsEscapedVerbatim() => Assert.Equal(
        "<pre><code class=\"language-csharp\">var x = a &lt; b;\n</code></pre>\n",
        Markdown.ToHtml("```csharp\nvar x = a < b;\n```"));

    private static int Count(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
