using System.Text.Json;
using NotebookKit.Display;
using NotebookKit.Interactive;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NotebookKit.Tests.Display;

public class ChartExtensionsTests
{
    [Fact]
    public void Titles_log_axis_and_ranges_reach_the_layout()
    {
        var chart = CSharpChart.Line<double, double, string>(new[] { 1.0, 2 }, new[] { 10.0, 1000 })
            .WithTitle("loss").WithAxisTitles("epoch", "loss").WithLogY().WithXRange(1, 2);
        using var doc = JsonDocument.Parse(Formatting.ToMimeBundle(chart)["application/vnd.plotly.v1+json"]!);
        var layout = doc.RootElement.GetProperty("layout");
        Assert.Equal("loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(new[] { 1.0, 2 }, layout.GetProperty("xaxis").GetProperty("range").EnumerateArray().Select(e => e.GetDouble()));
    }
}
