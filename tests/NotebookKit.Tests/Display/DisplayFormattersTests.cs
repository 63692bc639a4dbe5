using System.Diagnostics;
using System.Text.Json;
using NotebookKit.Interactive;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NotebookKit.Tests.Display;

public class DisplayFormattersTests
{
    private static GenericChart TwoLines(string title) => NotebookKit.Display.ChartExtensions.WithTitle(
        CSharpChart.Combine([
            CSharpChart.Line<double, double, string>(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, Name: "train"),
            CSharpChart.Line<double, double, string>(new[] { 1.0, 2, 3 }, new[] { 6.0, 5, 4 }, Name: "test")]), title);

    [Fact]
    public void Chart_bundle_holds_figure_json_with_data_and_layout_html_and_a_summary()
    {
        var bundle = Formatting.ToMimeBundle(TwoLines("loss"));
        using var doc = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]!);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("train", data[0].GetProperty("name").GetString());
        Assert.Equal(new[] { 6.0, 5, 4 }, data[1].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("loss", doc.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Chart \"loss\" with 2 traces", bundle["text/plain"]);
        var html = bundle["text/html"]!;
        Assert.Contains("Plotly.newPlot", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org", ""));   // no CDN: nothing is fetched
    }

    [Fact]
    public void Figure_json_rounds_array_numbers_to_six_significant_digits_and_leaves_the_rest()
    {
        double[] x = [0.1 + 0.2, -1.7999999999999998, 3];
        double[] y = [1.23456789e-7, 123456.789, 2.0 / 3];
        var chart = CSharpChart.Line<double, double, string>(x, y, Name: "η ≈ 0.1", LineWidth: 1.23456789);
        var bundle = Formatting.ToMimeBundle(chart);
        var json = bundle["application/vnd.plotly.v1+json"]!;
        using var doc = JsonDocument.Parse(json);
        var trace = doc.RootElement.GetProperty("data")[0];

        Assert.Equal(new[] { 0.3, -1.8, 3 }, trace.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(new[] { 1.23457e-7, 123457, 0.666667 }, trace.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1.23456789, trace.GetProperty("line").GetProperty("width").GetDouble());    // not in an array: as written
        Assert.Equal("η ≈ 0.1", trace.GetProperty("name").GetString());
        Assert.Contains("\"η ≈ 0.1\"", json);                                                  // text stays readable, not \u-escaped
        Assert.Contains("[0.3,-1.8,3]", json.Replace(" ", ""));
        Assert.Contains("[0.3,-1.8,3]", bundle["text/html"]!.Replace(" ", ""));                 // the HTML draws the same figure
    }

    [Fact]
    public void Figure_json_is_computed_once_per_chart()
    {
        var chart = TwoLines("cached");
        var sw = Stopwatch.StartNew();
        var first = Formatting.ToMimeBundle(chart);
        var firstCost = sw.Elapsed;
        sw.Restart();
        var second = Formatting.ToMimeBundle(chart);
        var secondCost = sw.Elapsed;
        Assert.Equal(first["application/vnd.plotly.v1+json"], second["application/vnd.plotly.v1+json"]);
        Assert.True(secondCost < firstCost / 3, $"second rendering {secondCost.TotalMilliseconds:F1} ms vs first {firstCost.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void Registering_again_is_harmless()
    {
        var chart = TwoLines("again");
        var before = Formatting.ToMimeBundle(chart);
        NotebookKit.Display.ChartExtensions.WithLogY(chart); // touch the assembly, then register a second time
        typeof(NotebookKit.Display.ImageGrid).Assembly.GetType("NotebookKit.Display.DisplayFormatters")!
            .GetMethod("Register", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null);
        var after = Formatting.ToMimeBundle(chart);
        Assert.Equal(before.MimeTypes, after.MimeTypes);
        Assert.Equal(3, after.Count);
        Assert.Equal(before["application/vnd.plotly.v1+json"], after["application/vnd.plotly.v1+json"]);
    }

    private class Shape { public string Name = "shape"; }
    private sealed class Circle : Shape { public double R = 2; }
    private sealed class Square : Shape { }

    [Fact]
    public void Register_applies_to_derived_types_and_a_declining_formatter_leaves_the_type_out()
    {
        Formatting.Register<Shape>("text/html", s => s is Square ? null : $"<b>{s.Name}</b>");
        Formatting.Register<Shape>("text/html", s => s is Square ? null : $"<i>{s.Name}</i>"); // replaces the first
        var circle = Formatting.ToMimeBundle(new Circle());
        Assert.Equal("<i>shape</i>", circle["text/html"]);
        var square = Formatting.ToMimeBundle(new Square());
        Assert.Null(square["text/html"]);
        Assert.NotNull(square["text/plain"]);
    }

    [Fact]
    public void Tensor_shows_shape_dtype_device_and_values()
    {
        using var t = torch.tensor(new float[] { 1.5f, -2f, 3.25f, 0f, 10f, 0.5f }).reshape(2, 3);
        var bundle = Formatting.ToMimeBundle(t);
        var text = bundle["text/plain"]!;
        Assert.StartsWith("tensor (2, 3) float32 cpu\n", text);
        Assert.Contains("1.5", text);
        Assert.Contains("3.25", text);
        Assert.Contains("-2", text);
        Assert.StartsWith("<pre class=\"nbkit-tensor\">tensor (2, 3) float32 cpu", bundle["text/html"]);
    }

    [Fact]
    public void Large_tensors_are_abbreviated()
    {
        using var t = torch.arange(100_000, dtype: ScalarType.Int64).reshape(1000, 100);
        var text = Formatting.ToMimeBundle(t)["text/plain"]!;
        Assert.StartsWith("tensor (1000, 100) int64 cpu", text);
        Assert.Contains("...", text);
        Assert.Contains("99999", text);
        Assert.True(text.Length < 2000, $"{text.Length} characters");
    }
}
