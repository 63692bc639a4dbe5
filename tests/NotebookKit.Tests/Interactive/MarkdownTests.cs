using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Interactive;

/// <summary>Notebook Markdown through Markdig as exported pages show it: GitHub-like markup, TeX untouched for MathJax, nothing that scripts the page.</summary>
public class MarkdownTests
{
    [Fact]
    public void HeadingsGetGitHubIdsAndInlineMarkupRenders() => Assert.Equal(
        "<h2 id=\"the-elbo\">The <em>ELBO</em></h2>\n<p>A <strong>lower</strong> bound on <code>log p(x)</code>, <del>not</del> the evidence.</p>\n",
        Markdown.ToHtml("## The *ELBO*\n\nA **lower** bound on `log p(x)`, ~~not~~ the evidence."));

    [Fact]
    public void InlineTexIsKeptVerbatimEscapedAndFreeOfEmphasis()
    {
        var html = Markdown.ToHtml("Let $a < b$, $x_i * y_j * z_k$ and $\\{\\mu_j\\}$.");
        Assert.Equal("<p>Let <span class=\"math\">\\(a &lt; b\\)</span>, <span class=\"math\">\\(x_i * y_j * z_k\\)</span> and " +
                     "<span class=\"math\">\\(\\{\\mu_j\\}\\)</span>.</p>\n", html);
    }

    [Fact]
    public void DisplayTexRunningOverLinesOfAParagraphIsOneFormula()
    {
        // As notebook 03 writes the ELBO: `$$` opens a paragraph and closes a line later; `\;` and `\,` are TeX, not Markdown escapes.
        var html = Markdown.ToHtml("$$\\log p(x) \\ge \\mathbb{E}_q[\\log p(x \\mid z)] -\n\\mathrm{KL}\\big(q\\,\\|\\,p\\big) \\;=\\; \\mathrm{ELBO}(x)$$");
        Assert.Equal("<p><span class=\"math display\">\\[\\log p(x) \\ge \\mathbb{E}_q[\\log p(x \\mid z)] -\n" +
                     "\\mathrm{KL}\\big(q\\,\\|\\,p\\big) \\;=\\; \\mathrm{ELBO}(x)\\]</span></p>\n", html);
    }

    [Fact]
    public void FencedDisplayTexIsABlock() => Assert.Equal(
        "<div class=\"math\">\n\\[\nz = \\mu + \\sigma \\odot \\epsilon_i * 2\n\\]</div>\n",
        Markdown.ToHtml("$$\nz = \\mu + \\sigma \\odot \\epsilon_i * 2\n$$"));

    [Theory]
    [InlineData("no math, $5 only", "<p>no math, $5 only</p>\n")]
    [InlineData("it costs $5 and $10", "<p>it costs $5 and $10</p>\n")]
    [InlineData("an escaped \\$x\\$ pair", "<p>an escaped $x$ pair</p>\n")]
    [InlineData("$ x$ has a space inside", "<p>$ x$ has a space inside</p>\n")]
    [InlineData("in `$a$` code", "<p>in <code>$a$</code> code</p>\n")]
    public void DollarsThatAreNotTexStayText(string markdown, string html) => Assert.Equal(html, Markdown.ToHtml(markdown));

    [Fact]
    public void SnakeCaseIsNotEmphasis() =>
        Assert.Equal("<p>use num_epochs and batch_size</p>\n", Markdown.ToHtml("use num_epochs and batch_size"));

    [Fact]
    public void NestedListsAndOrderedLists()
    {
        var html = Markdown.ToHtml("* one\n* two\n  * two.a\n* three\n\n1. first\n2. second");
        Assert.Equal("<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>two.a</li>\n</ul>\n</li>\n<li>three</li>\n</ul>\n" +
                     "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n", html);
    }

    [Fact]
    public void PipeTablesWithAlignmentAndTexInCells()
    {
        var html = Markdown.ToHtml("| model | MSE | bound |\n| --- | ---: | --- |\n| PCA | 0.021 | $\\lvert x \\rvert$ |\n| AE | 0.012 | $|z|$ |");
        Assert.Contains("<th>model</th>\n<th style=\"text-align: right;\">MSE</th>", html);
        Assert.Contains("<td>AE</td>\n<td style=\"text-align: right;\">0.012</td>\n<td><span class=\"math\">\\(|z|\\)</span></td>", html);
        Assert.Equal(3, Regex.Matches(html, "<tr>").Count);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("[x](javascript:alert(1))", "<a href=\"#\">x</a>")]
    [InlineData("[x](JavaScript&#58;alert(1))", "<a href=\"#\">x</a>")]
    [InlineData("<vbscript:msgbox(1)>", "<a href=\"#\">vbscript:msgbox(1)</a>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "<a href=\"#\">x</a>")]
    [InlineData("![plot](data:image/png;base64,AAAA)", "<img src=\"data:image/png;base64,AAAA\" alt=\"plot\" />")]
    [InlineData("see www.pytorch.org", "<a href=\"http://www.pytorch.org\">www.pytorch.org</a>")]
    public void RawHtmlIsEscapedAndScriptLinksNeutralised(string markdown, string expected)
    {
        var html = Markdown.ToHtml(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("script:", Regex.Match(html, "href=\"[^\"]*\"").Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FencedCodeIsEscapedVerbatim() => Assert.Equal(
        "<pre><code class=\"language-csharp\">var x = a &lt; b; // $not_math$\n</code></pre>\n",
        Markdown.ToHtml("```csharp\nvar x = a < b; // $not_math$\n```"));

    /// <summary>
    /// Every formula of every course notebook reaches MathJax as written: rendered, each markdown cell has no '$' left
    /// outside formulas and code (none was left as text), and each formula's TeX is a verbatim piece of the cell.
    /// </summary>
    [Fact]
    public void EveryFormulaInTheCourseNotebooksReachesMathJaxIntact()
    {
        var notebooks = Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb");
        Assert.NotEmpty(notebooks);
        int formulas = 0;
        foreach (var path in notebooks)
        {
            var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
                .Where(c => c!["cell_type"]!.GetValue<string>() == "markdown")
                .Select(c => c!["source"] is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : c["source"]!.GetValue<string>());
            foreach (var (source, index) in cells.Select((s, i) => (s, i)))
            {
                var html = Markdown.ToHtml(source);
                var where = $"{Path.GetFileName(path)}, markdown cell {index}";
                var tex = Regex.Matches(html, @"<(span|div) class=""math[^""]*"">\s*\\[(\[]\s*(.*?)\s*\\[)\]]</\1>", RegexOptions.Singleline);
                foreach (Match m in tex)
                    Assert.True(source.Contains(WebUtility.HtmlDecode(m.Groups[2].Value), StringComparison.Ordinal), $"{where}: TeX changed: {m.Groups[2].Value}");
                var rest = Regex.Replace(html, @"<(span|div) class=""math[^""]*"">.*?</\1>|<code[^>]*>.*?</code>", "", RegexOptions.Singleline);
                Assert.False(rest.Contains('$'), $"{where}: a '$' was left as text:\n{rest}");
                formulas += tex.Count;
            }
        }
        Assert.True(formulas > 100, $"only {formulas} formulas found in {notebooks.Length} notebooks");
    }
}
