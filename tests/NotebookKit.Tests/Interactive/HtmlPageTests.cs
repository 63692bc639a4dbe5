using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Tests.Data;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Interactive;

public class HtmlPageTests : IDisposable
{
    private const string PlotlyMime = "application/vnd.plotly.v1+json";
    private const string Marker = "/*FAKE-PLOTLY*/";
    private readonly TempFolder folder = new();
    private readonly string fakePlotly;

    public HtmlPageTests()
    {
        // A stand-in for plotly.min.js holding the sequences that would end or confuse a <script> element.
        fakePlotly = folder["plotly.min.js"];
        File.WriteAllText(fakePlotly, Marker + " window.Plotly = { tag: \"</script><!-- x\", re: /<\\/SCRIPT>/ };");
    }

    public void Dispose() => folder.Dispose();

    private HtmlPage Page(params HtmlBlock[] blocks) => new("test", blocks) { PlotlyJsPath = fakePlotly };

    private static MimeBundle Figure(string json) => new MimeBundle().Set(PlotlyMime, json).Set("text/plain", "Figure");

    private static int Count(string haystack, string needle) => Regex.Matches(haystack, Regex.Escape(needle)).Count;

    [Fact]
    public void CodeIsEscapedAndLabelled()
    {
        var html = Page(HtmlBlock.Code("if (a < b && c > d) Emit(\"<script>alert('x')</script>\");", 3), HtmlBlock.Code("x")).ToHtml();

        Assert.Contains("In [3]:", html);
        Assert.Contains("In [ ]:", html);
        Assert.Contains("if (a &lt; b &amp;&amp; c &gt; d) Emit(&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;);", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public void TitleIsEscaped()
    {
        var html = new HtmlPage("VAE <loss> & \"KL\"").ToHtml();
        Assert.Contains("<title>VAE &lt;loss&gt; &amp; &quot;KL&quot;</title>", html);
    }

    [Fact]
    public void ClosingScriptInsideFigureJsonCannotEndTheScript()
    {
        var json = """{"data":[{"type":"scatter","x":[1],"y":[2],"name":"</script><script>alert(1)</script><!--"}],"layout":{}}""";
        var html = Page(HtmlBlock.Output(Figure(json))).ToHtml();

        var m = Regex.Match(html, "<script type=\"application/json\" id=\"nbk-fig-1-json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(m.Success);
        Assert.DoesNotContain("<", m.Groups[1].Value);
        // The escaped text is the same JSON value.
        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(m.Groups[1].Value);
        Assert.Equal(expected.RootElement.GetProperty("data")[0].GetProperty("name").GetString(),
                     actual.RootElement.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public void PlotlyJsIsEmbeddedOnceForSeveralFigures()
    {
        var fig = """{"data":[{"type":"bar","x":[1,2],"y":[3,4]}],"layout":{}}""";
        var page = Page(HtmlBlock.Output(Figure(fig)), HtmlBlock.Markdown("<p>between</p>"), HtmlBlock.Output(Figure(fig)), HtmlBlock.Output(Figure(fig)));

        var html = page.ToHtml();

        Assert.Equal(3, page.FigureCount);
        Assert.Equal(1, Count(html, Marker));
        for (int i = 1; i <= 3; i++) Assert.Contains($"<div class=\"nbk-figure\" id=\"nbk-fig-{i}\" data-nbk-state=\"pending\"></div>", html);
        Assert.Contains("Plotly.newPlot(div", html);
        Assert.Contains("responsive: true", html);
    }

    [Fact]
    public void PlotlyJsIsEscapedInsideItsScript()
    {
        var html = Page(HtmlBlock.Output(Figure("""{"data":[],"layout":{}}"""))).ToHtml();

        Assert.Contains("tag: \"<\\/script>\\x3C!-- x\"", html);
        Assert.Contains("re: /<\\/SCRIPT>/", html);
        Assert.DoesNotContain("</script><!--", html);
    }

    [Fact]
    public void NoFigureMeansNoPlotlyJsAndNoLookup()
    {
        var page = new HtmlPage("text only", [HtmlBlock.Markdown("<p>hi</p>"), HtmlBlock.Output(new MimeBundle().Set("text/plain", "42"))])
        {
            PlotlyJsPath = folder["missing.js"], // never read: there is nothing to draw
        };

        var html = page.ToHtml();

        Assert.Equal(0, page.FigureCount);
        Assert.DoesNotContain(Marker, html);
        Assert.DoesNotContain("Plotly", html);
        Assert.Contains("<pre class=\"nbk-text\">42</pre>", html);
    }

    [Fact]
    public void TexIsTypesetByMathJaxEmbeddedOnceAndOnlyWhenThereIsTex()
    {
        var fakeMathJax = folder["tex-svg.js"];
        File.WriteAllText(fakeMathJax, "/* MATHJAX-STANDIN */");
        var withTex = new HtmlPage("tex", [HtmlBlock.Markdown(Markdown.ToHtml("$a$ and $$b$$")), HtmlBlock.Markdown(Markdown.ToHtml("$c$"))])
            { MathJaxPath = fakeMathJax }.ToHtml();
        Assert.Equal(1, Count(withTex, "MATHJAX-STANDIN"));
        Assert.Contains("processHtmlClass: 'math'", withTex); // code blocks are never typeset
        var fencedOnly = new HtmlPage("fenced", [HtmlBlock.Markdown(Markdown.ToHtml("$$\nz = \\mu\n$$"))]) { MathJaxPath = fakeMathJax }.ToHtml();
        Assert.Equal(1, Count(fencedOnly, "MATHJAX-STANDIN"));
        var noTex = new HtmlPage("plain", [HtmlBlock.Markdown(Markdown.ToHtml("no math, $5 only"))])
            { MathJaxPath = folder["missing.js"] }.ToHtml(); // never read
        Assert.DoesNotContain("MathJax", noTex);
    }

    [Fact]
    public void PlotlyJsonIsPreferredOverItsHtml()
    {
        var bundle = Figure("""{"data":[],"layout":{}}""").Set("text/html", "<div>require(['plotly'])</div>");
        var html = Page(HtmlBlock.Output(bundle)).ToHtml();

        Assert.DoesNotContain("require(['plotly'])", html);
        Assert.Contains("nbk-fig-1", html);
    }

    [Fact]
    public void ImagesBecomeDataUris()
    {
        var base64 = TinyPng.Base64(3, 2, (x, y) => (255, 0, 0));
        var wrapped = string.Join("\n", base64.Chunk(16).Select(c => new string(c))); // as some notebooks store it
        var bundle = new MimeBundle().Set("image/png", wrapped).Set("text/plain", "a picture");

        var html = Page(HtmlBlock.Output(bundle)).ToHtml();

        Assert.Contains($"<img class=\"nbk-image\" alt=\"output image\" src=\"data:image/png;base64,{base64}\">", html);
        Assert.DoesNotContain("a picture", html);
        Assert.DoesNotContain(Marker, html);
    }

    [Fact]
    public void HtmlIsPreferredToPngAsInJupyter()
    {
        // An image grid's bundle: the bare picture, and HTML with its title and captions.
        var bundle = new MimeBundle().Set("image/png", TinyPng.Base64(3, 2, (x, y) => (0, 0, 0)))
            .Set("text/html", "<div class=\"nbkit-grid\">Fashion<img src=\"row.png\">shirt</div>").Set("text/plain", "ImageGrid");

        var html = Page(HtmlBlock.Output(bundle)).ToHtml();

        Assert.Contains("<div class=\"nbkit-grid\">Fashion<img src=\"row.png\">shirt</div>", html);
        Assert.DoesNotContain("alt=\"output image\"", html);
    }

    [Fact]
    public void HtmlIsInsertedAsIsAndPlainTextEscaped()
    {
        var html = Page(
            HtmlBlock.Output(new MimeBundle().Set("text/html", "<table><tr><td>1</td></tr></table>").Set("text/plain", "table")),
            HtmlBlock.Output(new MimeBundle().Set("text/plain", "Tensor<float> (2, 3)"))).ToHtml();

        Assert.Contains("<div class=\"nbk-out\"><table><tr><td>1</td></tr></table></div>", html);
        Assert.Contains("<pre class=\"nbk-text\">Tensor&lt;float&gt; (2, 3)</pre>", html);
    }

    [Fact]
    public void StreamsAndErrorsAreStyledAndAnsiIsStripped()
    {
        var html = Page(
            HtmlBlock.Stream("stdout", "\u001b[1mepoch 1\u001b[0m <ok>"),
            HtmlBlock.Stream("stderr", "warn"),
            HtmlBlock.Error("ValueError", "bad \u001b[31mshape\u001b[0m",
                ["\u001b[0;31mValueError\u001b[0m: bad shape", "\u001b]0;title\u0007  at Model.Forward()"]),
            HtmlBlock.Error("KeyError", "'x'")).ToHtml();

        Assert.False(html.Contains('\u001b'), "an ANSI escape survived"); // ordinal: culture compare ignores ESC
        Assert.Contains("<pre class=\"nbk-stream nbk-stdout\">epoch 1 &lt;ok&gt;</pre>", html);
        Assert.Contains("<pre class=\"nbk-stream nbk-stderr\">warn</pre>", html);
        Assert.Contains("<pre class=\"nbk-error\">ValueError: bad shape\n  at Model.Forward()</pre>", html);
        Assert.Contains("<span class=\"nbk-ename\">KeyError</span>: &#39;x&#39;</pre>", html);
        Assert.Throws<ArgumentException>(() => HtmlBlock.Stream("stdin", "x"));
    }

    [Fact]
    public void InvalidFigureJsonIsMarkedWithoutBreakingThePage()
    {
        var html = Page(HtmlBlock.Output(Figure("{\"data\": [")), HtmlBlock.Output(Figure("{\"data\": 5}"))).ToHtml();

        Assert.Equal(2, Count(html, "data-nbk-state=\"error\""));
        Assert.Contains("the plotly JSON is invalid", html);
        Assert.Contains("is not an array of traces", html);
    }

    [Fact]
    public void SaveReplacesTheFileAtomically()
    {
        var path = Path.Combine(folder.Path, "out", "sub", "page.html");
        new HtmlPage("first").Save(path);
        Page(HtmlBlock.Markdown("<p>second</p>")).Save(path);

        Assert.Contains("<p>second</p>", File.ReadAllText(path));
        Assert.DoesNotContain("first", File.ReadAllText(path));
        Assert.Equal(["page.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));

        // A page that cannot be rendered leaves the previous file whole and no temp file behind.
        var broken = new HtmlPage("broken", [HtmlBlock.Output(Figure("{}"))]) { PlotlyJsPath = folder["missing.js"] };
        Assert.Throws<FileNotFoundException>(() => broken.Save(path));
        Assert.Contains("<p>second</p>", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void MissingPlotlyJsNamesTheSetupCommand()
    {
        var page = new HtmlPage("fig", [HtmlBlock.Output(Figure("{}"))]) { PlotlyJsPath = folder["nowhere/plotly.min.js"] };

        var e = Assert.Throws<FileNotFoundException>(() => page.ToHtml());

        Assert.Contains("bash environment/fetch-assets.sh", e.Message);
        Assert.Contains(folder["nowhere/plotly.min.js"], e.Message);
    }

    [Fact]
    public void TheRealPlotlyJsIsFoundFromTheTestFolder()
    {
        // setup.sh runs fetch-assets.sh; without it this is the error a user sees.
        var path = PlotlyJs.Locate();
        Assert.EndsWith(Path.Combine("vendor", "plotly", "plotly.min.js"), path);
        Assert.StartsWith("/**\n* plotly.js v2.", File.ReadAllText(path)[..40]);
    }
}
