using NotebookKit.Plotting;

namespace NotebookKit.Tests.Plotting;

/// <summary>Bad data fails loudly, naming the chart and the argument (Plotly would draw something silently wrong).</summary>
public class ChartErrorTests
{
    [Fact]
    public void EmptySeries()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(Array.Empty<double>(), name: "train"));
        Assert.Contains("Chart.Line", e.Message);
        Assert.Contains("x is empty", e.Message);
        Assert.Contains("values is empty", Assert.Throws<ArgumentException>(() => Chart.Histogram(Array.Empty<float>())).Message);
    }

    [Fact]
    public void NullSeries() =>
        Assert.Contains("Chart.Scatter: y is null", Assert.Throws<ArgumentNullException>(() => Chart.Scatter(new[] { 1.0 }, (double[])null!)).Message);

    [Fact]
    public void MismatchedLengths_GiveBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, 2, 3 }, new[] { 1.0, 2 }));
        Assert.Contains("Chart.Line: x has 3 values but y has 2", e.Message);
    }

    [Fact]
    public void NonFinite_ReportsCountAndFirstIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, double.NaN, 3, double.PositiveInfinity }, name: "loss"));
        Assert.Contains("Chart.Line: y has 2 non-finite values", e.Message);
        Assert.Contains("first at index 1", e.Message);
    }

    [Fact]
    public void JaggedOrEmptyZ()
    {
        var jagged = Assert.Throws<ArgumentException>(() => Chart.Heatmap(new[] { new[] { 1.0, 2 }, new[] { 3.0 } }));
        Assert.Contains("Chart.Heatmap: z is jagged: row 1 has 1 values but row 0 has 2", jagged.Message);
        Assert.Contains("Chart.Surface: z is empty", Assert.Throws<ArgumentException>(() => Chart.Surface(new double[0, 3])).Message);
        var nan = Assert.Throws<ArgumentException>(() => Chart.Contour(new double[,] { { 1, 2 }, { double.NaN, 4 } }));
        Assert.Contains("row 1, column 0", nan.Message);
    }

    [Fact]
    public void ZCoordinatesMustMatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Contour(new double[,] { { 1, 2, 3 } }, x: new[] { 0.0, 1 }));
        Assert.Contains("Chart.Contour: x has 2 values but z has 3 columns", e.Message);
    }

    [Fact]
    public void LabelsLengthMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Scatter(new[] { 1.0, 2 }, new[] { 1.0, 2 }, labels: new[] { 0, 1, 1 }));
        Assert.Contains("Chart.Scatter: x has 2 values but labels has 3", e.Message);
        var names = Assert.Throws<ArgumentException>(() => Chart.Scatter(new[] { 1.0 }, new[] { 1.0 }, labels: new[] { 5 }, classNames: ["a"]));
        Assert.Contains("label 5 has no entry in classNames", names.Message);
    }

    [Fact]
    public void GridWithTooManyFigures()
    {
        var f = Chart.Line(new[] { 1.0 });
        var e = Assert.Throws<ArgumentException>(() => Chart.Grid(1, 2, f, f, f));
        Assert.Contains("Chart.Grid: 3 figures do not fit in 1 × 2 = 2 cells", e.Message);
    }

    [Fact]
    public void LogRangeMustBePositive() =>
        Assert.Contains("log axis needs a positive range",
            Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0 }).WithYAxisStyle(log: true, range: (0, 10))).Message);

    [Fact]
    public void TensorOfWrongRank() =>
        Assert.Contains("shape (2, 3)", Assert.Throws<ArgumentException>(() => Chart.Line(NotebookKit.Tensors.Torch.Zeros(2, 3))).Message);
}
