using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Plotting;

namespace NotebookKit.Tests.Plotting;

public class FigureFormatterSourceTests
{
    [Fact]
    public void MimeBundle_HasPlotlyJsonHtmlAndPlainText()
    {
        var fig = Chart.Line(new[] { 1.0, 2 }, name: "a</script><b>").WithTitle("Loss");
        var bundle = Formatting.ToMimeBundle(fig);
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], bundle.MimeTypes);
        Assert.True(MimeBundle.IsJson("application/vnd.plotly.v1+json"));

        using var doc = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]!);
        Assert.Equal("a</script><b>", doc.RootElement.GetProperty("data")[0].GetProperty("name").GetString());

        var html = bundle["text/html"]!;
        var id = Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains($"Plotly.newPlot(\"{id}\"", html);
        Assert.Contains(fig.ToJson(), html);
        Assert.DoesNotContain("a</script>", html); // the JSON cannot close the script element early
        Assert.Contains("window.Plotly", html);
        Assert.Contains("window.require", html);
        Assert.Contains("https://cdn.plot.ly/plotly-2.35.2.min.js", html);
        Assert.Equal(fig.ToString(), bundle["text/plain"]);
    }

    [Fact]
    public void EachRendering_GetsItsOwnDivId()
    {
        var fig = Chart.Line(new[] { 1.0 });
        Assert.NotEqual(Formatting.ToMimeBundle(fig)["text/html"], Formatting.ToMimeBundle(fig)["text/html"]);
    }
}
