using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class ModelSummaryTests
{
    [Fact]
    public void Summary_lists_layers_counts_and_output_shapes()
    {
        var vae = new Vae(seed: 0);
        var s = ModelSummary.Of(vae, inputShape: [2, 784]);
        Assert.Equal(new[] { "fc1", "fc21", "fc22", "fc3", "fc4" }, s.Layers.Select(l => l.Name).ToArray());
        Assert.All(s.Layers, l => Assert.Equal("Linear", l.Type));
        Assert.Equal(314_000, s.Layers[0].Parameters);
        Assert.Equal(new long[] { 2, 400 }, s.Layers[0].OutputShape);
        Assert.Equal(new long[] { 2, 20 }, s.Layers[1].OutputShape);
        Assert.Equal(new long[] { 2, 784 }, s.Layers[4].OutputShape);
        Assert.Equal(652_824, s.TotalParameters);
        Assert.Equal(s.Layers.Sum(l => l.Parameters), s.TotalParameters);
        var text = vae.ToString();
        Assert.StartsWith("Vae: 652,824 parameters", text);
        Assert.Contains("fc1", text);
        Assert.Contains("(400, 784)", text);
    }

    [Fact]
    public void Sequential_layers_are_named_by_their_path()
    {
        var conv = ModelSummary.Of(new ConvVae(seed: 0), inputShape: [1, 1, 28, 28]);
        var names = conv.Layers.Select(l => l.Name).ToList();
        Assert.Contains("encoder.0", names);
        Assert.Contains("decoder.5", names);
        Assert.Equal(new long[] { 1, 32, 14, 14 }, conv.Layers.Single(l => l.Name == "encoder.0").OutputShape);
        Assert.Equal(new long[] { 1, 1, 28, 28 }, conv.Layers.Single(l => l.Name == "decoder.5").OutputShape);
        Assert.Null(ModelSummary.Of(new ConvVae(seed: 0)).Layers[0].OutputShape);
    }
}
