using NotebookKit.Display;
using NotebookKit.Interactive;
using NotebookKit.Tests.TestSupport;
using TorchSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NotebookKit.Tests.Display;

/// <summary>
/// An exported page holding one Plotly.NET chart and one image grid, opened offline in headless Chromium: the chart
/// must be drawn (plotly's <c>svg.main-svg</c> in its div) and the image decoded (<c>naturalWidth</c> as encoded).
/// </summary>
public class HtmlPageBrowserTests
{
    private const string CheckScript = """
        <script>
        window.addEventListener('load', function () {
          var polls = 0;
          (function poll() {
            var figs = document.querySelectorAll('div.nbk-figure'), drawn = 0, imgs = document.querySelectorAll('img'), widths = [];
            for (var i = 0; i < figs.length; i++) if (figs[i].querySelector('svg.main-svg')) drawn++;
            for (var j = 0; j < imgs.length; j++) if (imgs[j].complete && imgs[j].naturalWidth > 0) widths.push(imgs[j].naturalWidth);
            var b = document.body;
            b.setAttribute('data-figures', figs.length + '/' + drawn);
            b.setAttribute('data-images', imgs.length + '/' + widths.join(','));
            if ((drawn === figs.length && widths.length === imgs.length) || ++polls >= 40) b.setAttribute('data-done', polls);
            else setTimeout(poll, 100);
          })();
        });
        </script>
        """;

    [RequiresBrowserFact]
    public void A_page_with_a_chart_and_an_image_grid_draws_both_offline()
    {
        var chart = CSharpChart.Line<double, double, string>(new[] { 1.0, 2, 3 }, new[] { 3.0, 1, 2 }, Name: "loss").WithTitle("loss");
        using var x = torch.rand(6, 1, 28, 28);
        var grid = ImageGrid.From(x, nrow: 3);
        var page = new HtmlPage("display check").AddValue(chart).AddValue(grid);

        var check = BrowserPage.Open(page, CheckScript);

        Assert.True(check.Data("done") != null, check.Body);
        Assert.Equal("1/1", check.Data("figures"));
        Assert.Equal($"1/{grid.Width}", check.Data("images"));
    }

    // Plays the page's one animation as the Play button does (Plotly.animate over all frames) once it is drawn, and
    // records the names of the frames plotly reports as it shows them.
    private const string PlayScript = """
        <script>
        window.addEventListener('load', function () {
          var polls = 0, seen = [], started = false, b = document.body;
          (function poll() {
            var div = document.querySelector('div.nbk-figure');
            if (!started && div && div.querySelector('svg.main-svg') && window.Plotly) {
              started = true;
              div.on('plotly_animatingframe', function (e) { seen.push(e.name); b.setAttribute('data-frames', seen.join(',')); });
              Plotly.animate(div, null, { frame: { duration: 30, redraw: false }, transition: { duration: 0 }, mode: 'immediate' });
            }
            if (seen.length >= 3 || ++polls >= 60) b.setAttribute('data-done', polls);
            else setTimeout(poll, 100);
          })();
        });
        </script>
        """;

    [RequiresBrowserFact]
    public void An_exported_animation_plays_its_frames_offline()
    {
        var frames = Enumerable.Range(1, 3).Select(i =>
            CSharpChart.Point<double, double, string>(new[] { 0.0, i }, new[] { i * 1.0, 0 }, Name: "samples"));
        var animation = Animation.FromCharts(frames, labels: ["a", "b", "c"], frameMs: 30, title: "play check");
        var page = new HtmlPage("animation check").AddValue(animation);

        var check = BrowserPage.Open(page, PlayScript, virtualTimeMs: 10_000);   // the script polls up to 60 × 100 ms

        Assert.True(check.Data("done") != null, check.Body);
        Assert.Equal("a,b,c", check.Data("frames"));
    }
}
