using NotebookKit.Plotting;
using static NotebookKit.Tests.Plotting.FigureJson;

namespace NotebookKit.Tests.Plotting;

public class FigureTests
{
    private static Figure Loss() =>
        Chart.Combine(Chart.Line(new[] { 1, 2, 3 }, new[] { 3.0, 2, 1 }, name: "train"), Chart.Line(new[] { 1, 2, 3 }, new[] { 3.5, 2.5, 2 }, name: "test"));

    [Fact]
    public void With_ReturnsNewFigure_AndLeavesOriginalUnchanged()
    {
        var original = Loss();
        var before = original.ToJson();
        var styled = original.WithTitle("Loss").WithXAxisStyle("epoch").WithYAxisStyle("nats", log: true, range: (1, 1000))
            .WithSize(600, 400).WithLegend(false).WithTraceName("training", 0);
        Assert.NotSame(original, styled);
        Assert.Equal(before, original.ToJson());
        Assert.Null(original.Layout.Title);

        var layout = Layout(styled);
        Assert.Equal("Loss", Str(layout, "title", "text"));
        Assert.Equal("epoch", Str(layout, "xaxis", "title", "text"));
        Assert.Equal("nats", Str(layout, "yaxis", "title", "text"));
        Assert.Equal("log", Str(layout, "yaxis", "type"));
        Assert.Equal([0.0, 3], Numbers(layout.GetProperty("yaxis").GetProperty("range"))); // log10 units
        Assert.Equal(600, layout.GetProperty("width").GetInt32());
        Assert.Equal(400, layout.GetProperty("height").GetInt32());
        Assert.False(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal("training", Trace(styled, 0).GetProperty("name").GetString());
    }

    [Fact]
    public void LinearRange_IsWrittenInDataUnits()
    {
        var layout = Layout(Loss().WithXAxisStyle(range: (-2.5, 2.5)));
        Assert.Equal([-2.5, 2.5], Numbers(layout.GetProperty("xaxis").GetProperty("range")));
    }

    [Fact]
    public void WithColorscale_ChangesMatrixTracesOnly()
    {
        var fig = Chart.Combine(Chart.Heatmap(new double[,] { { 1 } }), Chart.Line(new[] { 1.0 }));
        var recoloured = fig.WithColorscale(Colorscale.Viridis);
        Assert.Equal("Viridis", Trace(recoloured, 0).GetProperty("colorscale").GetString());
        Assert.False(Trace(fig, 0).TryGetProperty("colorscale", out _));
        Assert.Throws<InvalidOperationException>(() => Loss().WithColorscale("Hot"));
    }

    [Fact]
    public void ToString_SummarisesTracesTitleAndAxes()
    {
        var s = Loss().WithTitle("Loss").WithXAxisStyle("epoch").WithYAxisStyle("nats").ToString();
        Assert.Equal("Figure: 2 traces (scatter ×2), title 'Loss', x 'epoch', y 'nats'", s);
    }

    [Fact]
    public void Json_HasDataAndLayoutOnly()
    {
        var root = Parse(Loss());
        Assert.Equal(["data", "layout"], root.EnumerateObject().Select(p => p.Name));
    }
}
