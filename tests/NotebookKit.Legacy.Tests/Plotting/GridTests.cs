using NotebookKit.Plotting;
using static NotebookKit.Tests.Plotting.FigureJson;

namespace NotebookKit.Tests.Plotting;

/// <summary>Chart.Grid: subplots with their own anchored axes and domains (tests for Chart.Layout.cs).</summary>
public class GridTests
{
    [Fact]
    public void TwoByTwo_AssignsAxesDomainsAnchorsAndTitles()
    {
        var a = Chart.Line(new[] { 1.0, 2 }, name: "loss").WithTitle("Loss").WithYAxisStyle("nats", log: true);
        var b = Chart.Scatter(new[] { 1.0, 2 }, new[] { 3.0, 4 }, labels: new[] { 0, 1 });
        var c = Chart.Histogram(new[] { 1.0, 2, 3 });
        var grid = Chart.Grid(2, 2, a, b, c).WithTitle("Run");

        var data = Parse(grid).GetProperty("data");
        Assert.Equal(4, data.GetArrayLength());
        Assert.False(data[0].TryGetProperty("xaxis", out _)); // subplot 1 uses the default x/y
        Assert.Equal("x2", data[1].GetProperty("xaxis").GetString());
        Assert.Equal("y2", data[2].GetProperty("yaxis").GetString()); // both class traces of b
        Assert.Equal("x3", data[3].GetProperty("xaxis").GetString());

        var layout = Layout(grid);
        Assert.Equal("Run", Str(layout, "title", "text"));
        Assert.Equal("y2", Str(layout, "xaxis2", "anchor"));
        Assert.Equal("x4", Str(layout, "yaxis4", "anchor"));
        Assert.Equal("log", Str(layout, "yaxis", "type"));
        Assert.Equal("nats", Str(layout, "yaxis", "title", "text"));

        double[] x1 = Numbers(layout.GetProperty("xaxis").GetProperty("domain"));
        double[] x2 = Numbers(layout.GetProperty("xaxis2").GetProperty("domain"));
        double[] y1 = Numbers(layout.GetProperty("yaxis").GetProperty("domain"));
        double[] y3 = Numbers(layout.GetProperty("yaxis3").GetProperty("domain"));
        Assert.Equal(0, x1[0]);
        Assert.Equal(1, x2[1], 6);
        Assert.True(x1[1] < x2[0], "columns must not overlap");
        Assert.Equal(1, y1[1], 6);
        Assert.True(y3[1] < y1[0], "row 2 lies below row 1");
        Assert.Equal(0, y3[0], 6);

        var title = layout.GetProperty("annotations")[0];
        Assert.Equal("Loss", title.GetProperty("text").GetString());
        Assert.Equal((x1[0] + x1[1]) / 2, title.GetProperty("x").GetDouble(), 6);
        Assert.Contains("2×2 grid", grid.ToString());
    }

    [Fact]
    public void Surface_InGrid_GetsItsOwnScene()
    {
        var grid = Chart.Grid(1, 2, Chart.Line(new[] { 1.0, 2 }), Chart.Surface(new double[,] { { 1, 2 }, { 3, 4 } }).WithXAxisStyle("w1"));
        Assert.Equal("scene2", Trace(grid, 1).GetProperty("scene").GetString());
        var scene = Layout(grid).GetProperty("scene2");
        Assert.Equal(2, scene.GetProperty("domain").GetProperty("x").GetArrayLength());
        Assert.Equal("w1", Str(scene, "xaxis", "title", "text"));
        Assert.False(Layout(grid).TryGetProperty("xaxis2", out _));
    }

    [Fact]
    public void NullFigure_LeavesCellEmpty_AndSubplotsCanBeStyled()
    {
        var grid = Chart.Grid(1, 3, Chart.Line(new[] { 1.0 }), null, Chart.Line(new[] { 2.0 })).WithXAxisStyle("third", subplot: 3);
        Assert.Equal(2, grid.Data.Count);
        Assert.Equal("x3", Trace(grid, 1).GetProperty("xaxis").GetString());
        Assert.Equal("third", Str(Layout(grid), "xaxis3", "title", "text"));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.WithXAxisStyle("x", subplot: 4));
    }
}
