using NotebookKit.Plotting;
using NotebookKit.Tensors;
using static NotebookKit.Tests.Plotting.FigureJson;

namespace NotebookKit.Tests.Plotting;

public class ChartTests
{
    [Fact]
    public void Line_WritesScatterTraceWithLinesModeAndName()
    {
        var fig = Chart.Line(new[] { 1, 2, 3 }, new[] { 0.5, 0.25, 0.125 }, name: "train");
        var t = Trace(fig);
        Assert.Equal("scatter", t.GetProperty("type").GetString());
        Assert.Equal("lines", t.GetProperty("mode").GetString());
        Assert.Equal("train", t.GetProperty("name").GetString());
        Assert.Equal([1.0, 2, 3], Numbers(t.GetProperty("x")));
        Assert.Equal([0.5, 0.25, 0.125], Numbers(t.GetProperty("y")));
    }

    [Fact]
    public void Line_YOnly_UsesIndicesAndAcceptsFloatsTensorsAndLinq()
    {
        Assert.Equal([0.0, 1, 2], Numbers(Trace(Chart.Line(new float[] { 3, 2, 1 })).GetProperty("x")));
        Assert.Equal(4, Trace(Chart.Line(Torch.Arange(0, 4))).GetProperty("y").GetArrayLength());
        var fromLinq = Chart.Line(Enumerable.Range(1, 5).Select(i => (double)i), Enumerable.Range(1, 5).Select(i => 1.0 / i), name: "1/x");
        Assert.Equal(5, Trace(fromLinq).GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Floats_AreWrittenCompactly_InvariantCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var json = Chart.Line(new[] { 0.1f, 1e-7f, 2.5f }).ToJson();
            Assert.Contains("\"y\":[0.1,1E-07,2.5]", json);
        }
        finally { Thread.CurrentThread.CurrentCulture = previous; }
    }

    [Fact]
    public void Line_ShowMarkersAndDash()
    {
        var t = Trace(Chart.Line(new[] { 1.0, 2 }, new[] { 3.0, 4 }, dash: LineDash.Dash, color: Colors.Red, showMarkers: true));
        Assert.Equal("lines+markers", t.GetProperty("mode").GetString());
        Assert.Equal("dash", Str(t, "line", "dash"));
        Assert.Equal("#EF553B", Str(t, "line", "color"));
        Assert.Equal("#EF553B", Str(t, "marker", "color"));
    }

    [Fact]
    public void Scatter_WithIntLabels_MakesOneTracePerClass_InClassOrder_WithClassColours()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [5, 4, 3, 2, 1, 0];
        int[] labels = [2, 0, 2, 1, 0, 2];
        var fig = Chart.Scatter(x, y, labels: labels, classNames: ["zero", "one", "two"], text: ["a", "b", "c", "d", "e", "f"]);
        var data = Parse(fig).GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(["zero", "one", "two"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1.0, 4], Numbers(data[0].GetProperty("x")));
        Assert.Equal([0.0, 2, 5], Numbers(data[2].GetProperty("x")));
        Assert.Equal(["a", "c", "f"], data[2].GetProperty("text").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Colors.ForClass(2), Str(data[2], "marker", "color"));
        Assert.All(data.EnumerateArray(), t => Assert.Equal("markers", t.GetProperty("mode").GetString()));
    }

    [Fact]
    public void Scatter_WithStringLabels_KeepsFirstAppearanceOrder()
    {
        var fig = Chart.Scatter(new[] { 1.0, 2, 3 }, new[] { 1.0, 2, 3 }, labels: new[] { "cat", "dog", "cat" }, name: "test");
        Assert.Equal(["test: cat", "test: dog"], fig.Data.Select(t => t.Name));
        Assert.Equal([2, 1], fig.Data.Select(t => t.PointCount));
    }

    [Fact]
    public void Scatter_FromTensorPoints_SplitsColumns()
    {
        var z = Torch.Tensor([1f, 2f, 3f, 4f, 5f, 6f], 3, 2);
        var t = Trace(Chart.Scatter(z, markerSize: 4, opacity: 0.5));
        Assert.Equal([1.0, 3, 5], Numbers(t.GetProperty("x")));
        Assert.Equal([2.0, 4, 6], Numbers(t.GetProperty("y")));
        Assert.Equal(4, t.GetProperty("marker").GetProperty("size").GetDouble());
        Assert.Equal(0.5, t.GetProperty("opacity").GetDouble());
    }

    [Fact]
    public void Bar_And_Histogram()
    {
        var bar = Trace(Chart.Bar(["a", "b"], new[] { 0.9, 0.8 }, name: "acc"));
        Assert.Equal("bar", bar.GetProperty("type").GetString());
        Assert.Equal(["a", "b"], bar.GetProperty("x").EnumerateArray().Select(e => e.GetString()));

        var hist = Trace(Chart.Histogram(new[] { 1.0, 2, 2, 3 }, nbins: 20, histnorm: HistNorm.ProbabilityDensity));
        Assert.Equal("histogram", hist.GetProperty("type").GetString());
        Assert.Equal(20, hist.GetProperty("nbinsx").GetInt32());
        Assert.Equal("probability density", hist.GetProperty("histnorm").GetString());
        Assert.Equal(4, hist.GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Heatmap_Contour_Surface_WriteZRowsAndCoordinates()
    {
        double[,] z = { { 1, 2, 3 }, { 4, 5, 6 } };
        var heat = Trace(Chart.Heatmap(z, x: new[] { 0.0, 0.5, 1 }, y: new[] { -1.0, 1 }, colorscale: Colorscale.RdBu));
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
        Assert.Equal(2, heat.GetProperty("z").GetArrayLength());
        Assert.Equal([4.0, 5, 6], Numbers(heat.GetProperty("z")[1]));
        Assert.Equal("RdBu", heat.GetProperty("colorscale").GetString());

        var contour = Trace(Chart.Contour(Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 } }), ncontours: 15, showLabels: true, filled: false));
        Assert.Equal("contour", contour.GetProperty("type").GetString());
        Assert.Equal(15, contour.GetProperty("ncontours").GetInt32());
        Assert.True(contour.GetProperty("contours").GetProperty("showlabels").GetBoolean());
        Assert.Equal("lines", Str(contour, "contours", "coloring"));

        var surface = Chart.Surface(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }, colorscale: Colorscale.Custom((0, "#000"), (1, "#fff")));
        var s = Trace(surface);
        Assert.Equal("surface", s.GetProperty("type").GetString());
        Assert.Equal("#fff", s.GetProperty("colorscale")[1][1].GetString());
    }

    [Fact]
    public void Combine_OverlaysTraces_AndMergesLayout()
    {
        var contour = Chart.Contour(new double[,] { { 1, 2 }, { 3, 4 } }).WithTitle("Loss surface");
        var path = Chart.Line(new[] { 0.0, 0.5, 1 }, new[] { 0.0, 0.2, 1 }, name: "SGD", showMarkers: true).WithXAxisStyle("w1");
        var fig = Chart.Combine(contour, path);
        var data = Parse(fig).GetProperty("data");
        Assert.Equal(["contour", "scatter"], data.EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Equal("Loss surface", Str(Layout(fig), "title", "text"));
        Assert.Equal("w1", Str(Layout(fig), "xaxis", "title", "text"));
    }

    [Fact]
    public void Combine_Histograms_Overlay()
    {
        var fig = Chart.Combine(Chart.Histogram(new[] { 1.0, 2 }, opacity: 0.6), Chart.Histogram(new[] { 2.0, 3 }, opacity: 0.6));
        Assert.Equal("overlay", Str(Layout(fig), "barmode"));
    }
}
