using System.Text.Json;
using NotebookKit.Display;
using NotebookKit.Interactive;
using TorchSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NotebookKit.Tests.Display;

public class AnimationTests
{
    [Fact]
    public void Charts_become_frames_with_a_slider_step_each_and_a_play_button()
    {
        var charts = Enumerable.Range(1, 3).Select(k =>
            CSharpChart.Point<double, double, string>(new[] { 0.0, k }, new[] { 0.0, k * k }, Name: "G(z)").WithXRange(0, 3));
        var animation = Animation.FromCharts(charts, labels: ["step 1", "step 2", "step 3"], title: "samples");
        var bundle = Formatting.ToMimeBundle(animation);
        using var doc = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]!);
        var root = doc.RootElement;
        var frames = root.GetProperty("frames");
        Assert.Equal(3, frames.GetArrayLength());
        Assert.Equal("step 2", frames[1].GetProperty("name").GetString());
        Assert.Equal(new[] { 0.0, 4 }, frames[1].GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(new[] { 0.0, 1 }, root.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        var layout = root.GetProperty("layout");
        Assert.Equal("samples", layout.GetProperty("title").GetProperty("text").GetString());
        var steps = layout.GetProperty("sliders")[0].GetProperty("steps");
        Assert.Equal(new[] { "step 1", "step 2", "step 3" }, steps.EnumerateArray().Select(s => s.GetProperty("args")[0][0].GetString()));
        Assert.Equal("Play", layout.GetProperty("updatemenus")[0].GetProperty("buttons")[0].GetProperty("label").GetString());
        Assert.Equal(3, layout.GetProperty("xaxis").GetProperty("range")[1].GetDouble());
        Assert.Equal("Animation \"samples\" with 1 trace and 3 frames", bundle["text/plain"]);
    }

    [Fact]
    public void Image_batches_become_image_traces_holding_the_grid_png()
    {
        var batches = Enumerable.Range(0, 2).Select(k => torch.full(4, 1, 2, 2, k * 0.5f)).ToList();
        var animation = Animation.FromImages(batches, nrow: 2, padding: 0, scale: 1);
        using var doc = JsonDocument.Parse(animation.ToJson());
        var trace = doc.RootElement.GetProperty("frames")[1].GetProperty("data")[0];
        Assert.Equal("image", trace.GetProperty("type").GetString());
        var png = Convert.FromBase64String(trace.GetProperty("source").GetString()!["data:image/png;base64,".Length..]);
        Assert.Equal((4, 4), (Png.Header(png).Width, Png.Header(png).Height));
        Assert.Equal(2, animation.FrameCount);
        Assert.Throws<ArgumentException>(() => Animation.FromCharts([]));
    }
}
