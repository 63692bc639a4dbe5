using Microsoft.FSharp.Core;
using Plotly.NET;
using CSharpCharts = Plotly.NET.CSharp.GenericChartExtensions;

namespace NotebookKit.Display;

/// <summary>
/// The chart styling the notebooks repeat that Plotly.NET.CSharp makes awkward from C#: it has no <c>WithTitle</c>, and
/// its <c>WithXAxisStyle&lt;TRange, TRange, TCategory&gt;</c> needs three type arguments the compiler cannot infer.
/// </summary>
/// <example><code>
/// Chart.Line&lt;int, double, string&gt;(epochs, losses, Name: "train").WithTitle("loss").WithAxisTitles("epoch", "loss").WithLogY()
/// </code></example>
public static class ChartExtensions
{
    /// <summary>The chart's title (layout.title.text).</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) => Chart.withTitle(title, (FSharpOption<Font>?)null).Invoke(chart);

    /// <summary>Titles of the x and y axes in one call; null leaves one unchanged.</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string? x = null, string? y = null)
    {
        if (x != null) chart = CSharpCharts.WithXAxisStyle<double, double, string>(chart, TitleText: x);
        if (y != null) chart = CSharpCharts.WithYAxisStyle<double, double, string>(chart, TitleText: y);
        return chart;
    }

    /// <summary>A logarithmic y axis (losses spanning decades).</summary>
    public static GenericChart WithLogY(this GenericChart chart) =>
        CSharpCharts.WithYAxisStyle<double, double, string>(chart, AxisType: StyleParam.AxisType.Log);

    /// <summary>A logarithmic x axis (learning-rate sweeps).</summary>
    public static GenericChart WithLogX(this GenericChart chart) =>
        CSharpCharts.WithXAxisStyle<double, double, string>(chart, AxisType: StyleParam.AxisType.Log);

    /// <summary>Fixes the x axis to [min, max], in axis units (log10 of the values on a log axis).</summary>
    public static GenericChart WithXRange(this GenericChart chart, double min, double max) =>
        CSharpCharts.WithXAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(min, max));

    /// <summary>Fixes the y axis to [min, max].</summary>
    public static GenericChart WithYRange(this GenericChart chart, double min, double max) =>
        CSharpCharts.WithYAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(min, max));
}
