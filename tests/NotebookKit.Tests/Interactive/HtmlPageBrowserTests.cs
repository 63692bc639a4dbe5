using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Tests.Data;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Interactive;

/// <summary>
/// Exported pages opened in real headless Chromium (offline): every plotly figure must be drawn (its div holds
/// plotly's <c>svg.main-svg</c>) and every image decoded (<c>naturalWidth &gt; 0</c>). A check script added by the test
/// writes the counts onto <c>&lt;body&gt;</c>, which <c>--dump-dom</c> shows.
/// </summary>
public class HtmlPageBrowserTests
{
    /// <summary>Counts drawn figures and decoded images, polling until all are done or 4 s of virtual time pass.</summary>
    private const string CheckScript = """
        <script>
        (function () {
          function check() {
            var figs = document.querySelectorAll('div.nbk-figure'), imgs = document.querySelectorAll('img'), drawn = 0, decoded = 0;
            for (var i = 0; i < figs.length; i++) if (figs[i].querySelector('svg.main-svg')) drawn++;
            for (var j = 0; j < imgs.length; j++) if (imgs[j].complete && imgs[j].naturalWidth > 0) decoded++;
            var b = document.body;
            b.setAttribute('data-figures-total', figs.length); b.setAttribute('data-figures-drawn', drawn);
            b.setAttribute('data-images-total', imgs.length); b.setAttribute('data-images-decoded', decoded);
            return drawn === figs.length && decoded === imgs.length;
          }
          var polls = 0;
          function poll() {
            if (check() || ++polls >= 40) document.body.setAttribute('data-check-done', polls);
            else setTimeout(poll, 100);
          }
          window.addEventListener('load', function () { setTimeout(poll, 0); });
        })();
        </script>
        """;

    private static string Figure(string traceType, string title) =>
        $$$"""{"data":[{"type":"{{{traceType}}}","x":[1,2,3,4],"y":[3,1,4,1],"name":"</script><b>loss</b>"}],"layout":{"title":{"text":"{{{title}}}"},"height":300}}""";

    private static MimeBundle FigureBundle(string json) =>
        new MimeBundle().Set("application/vnd.plotly.v1+json", json).Set("text/plain", "Figure");

    private static MimeBundle ImageBundle(string base64) =>
        new MimeBundle().Set("image/png", base64).Set("text/plain", "ImageGrid");

    private static string Gradient(int w, int h) => TinyPng.Base64(w, h, (x, y) => ((byte)(255 * x / Math.Max(1, w - 1)), (byte)(255 * y / Math.Max(1, h - 1)), 128));

    internal static HtmlPage SamplePage() => new HtmlPage("Exported page <test>")
        .AddMarkdownHtml("<h1>Variational autoencoder</h1><p>The ELBO is <code>E[log p(x|z)] - KL(q || p)</code>.</p>")
        .AddCode("var losses = Train(model, trainLoader, numEpochs: 2);\nDisplay.Show(Chart.Line(epochs, losses));", executionCount: 3)
        .AddStream("stdout", "epoch 1: loss 251.3\nepoch 2: loss 244.9\n")
        .AddOutput(FigureBundle(Figure("scatter", "Training loss")))
        .AddOutput(FigureBundle(Figure("bar", "Per-class error")))
        .AddCode("ImageGrid.Of(yHat.View(-1, 1, 28, 28))", executionCount: 4)
        .AddOutput(ImageBundle(Gradient(28, 28)))
        .AddOutput(ImageBundle(Gradient(3, 2)))
        .AddOutput(new MimeBundle().Set("text/plain", "Tensor (16, 784)"))
        .AddStream("stderr", "warning: lr is large\n")
        .AddError("InvalidOperationException", "Shapes (2, 3) and (4, 5) do not match",
            ["\u001b[31mInvalidOperationException\u001b[0m: Shapes (2, 3) and (4, 5) do not match", "   at Tensor.Matmul()"]);

    private sealed record Check(int FiguresTotal, int FiguresDrawn, int ImagesTotal, int ImagesDecoded, string Dom);

    private static Check Open(HtmlPage page)
    {
        var result = BrowserPage.Open(page, CheckScript);
        Assert.NotNull(result.Data("check-done"));
        int Attr(string name) => int.Parse(result.Data(name) ?? throw new InvalidOperationException($"the check script set no data-{name}"));
        return new Check(Attr("figures-total"), Attr("figures-drawn"), Attr("images-total"), Attr("images-decoded"), result.Dom);
    }

    [RequiresBrowserFact]
    public void EveryFigureIsDrawnAndEveryImageDecoded()
    {
        var check = Open(SamplePage());

        Assert.Equal((2, 2), (check.FiguresTotal, check.FiguresDrawn));
        Assert.Equal((2, 2), (check.ImagesTotal, check.ImagesDecoded));
        Assert.Equal(2, Regex.Matches(check.Dom, "data-nbk-state=\"drawn\"").Count);
        Assert.DoesNotContain("data-nbk-state=\"error\"", check.Dom);
        // Layout reached plotly (the titles are drawn), and the trace names holding "</script>" did not end the JSON early.
        Assert.Matches("class=\"gtitle\"[^>]*>Training loss<", check.Dom);
        Assert.Matches("class=\"gtitle\"[^>]*>Per-class error<", check.Dom);
    }

    [RequiresBrowserFact]
    public void BrokenFigureJsonIsDetected()
    {
        var page = new HtmlPage("broken figures")
            .AddOutput(FigureBundle(Figure("scatter", "fine")))
            .AddOutput(FigureBundle("""{"data":[{"type":"scatter","x":[1,2""")) // cut off: invalid JSON
            .AddOutput(FigureBundle("""{"data":5,"layout":{}}"""));             // valid JSON, not a figure

        var check = Open(page);

        Assert.Equal((3, 1), (check.FiguresTotal, check.FiguresDrawn));
        Assert.Equal(2, Regex.Matches(check.Dom, "data-nbk-state=\"error\"").Count);
    }

    [RequiresBrowserFact]
    public void MissingPlotlyIsDetected()
    {
        using var folder = new TempFolder();
        var fake = folder["not-plotly.js"];
        File.WriteAllText(fake, "/* not plotly.js */");
        var page = SamplePage();
        page.PlotlyJsPath = fake;

        var check = Open(page);

        Assert.Equal((2, 0), (check.FiguresTotal, check.FiguresDrawn));
        Assert.Contains("plotly.js is not loaded", check.Dom);
    }

    [RequiresBrowserFact]
    public void UndecodableImageIsDetected()
    {
        var good = Gradient(4, 4);
        var truncated = Convert.ToBase64String(Convert.FromBase64String(good)[..30]);
        var page = new HtmlPage("images").AddOutput(ImageBundle(good)).AddOutput(ImageBundle(truncated));

        var check = Open(page);

        Assert.Equal((2, 1), (check.ImagesTotal, check.ImagesDecoded));
    }
}
