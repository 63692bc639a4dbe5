using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

/// <summary>Every module's shapes, and parameter counts equal to PyTorch's for the same layout (counted by hand:
/// Linear(i, o) has i·o + o, Conv2d(i, o, k) i·o·k² + o, ConvTranspose2d(i, o, k) i·o·k² + o).</summary>
public class ModelShapesTests
{
    private static long LinearCount(long i, long o) => i * o + o;
    private static long ConvCount(long i, long o, long k) => i * o * k * k + o;
    private static long Count(nn.Module m) => m.parameters().Sum(p => p.numel());

    [Fact]
    public void Vae_shapes_and_parameter_count_match_the_pytorch_example()
    {
        using var scope = NewDisposeScope();
        var vae = new Vae(seed: 0);
        var x = rand(3, 1, 28, 28);
        var (mu, logvar) = vae.encode(x);
        var (logits, _, _) = vae.ForwardAll(x.flatten(1));
        Assert.Equal(new long[] { 3, 20 }, mu.shape);
        Assert.Equal(new long[] { 3, 20 }, logvar.shape);
        Assert.Equal(new long[] { 3, 784 }, logits.shape);
        Assert.Equal(new long[] { 3, 784 }, vae.call(x).shape);
        Assert.Equal(new long[] { 5, 784 }, vae.Sample(5).shape);
        Assert.Equal(LinearCount(784, 400) + 2 * LinearCount(400, 20) + LinearCount(20, 400) + LinearCount(400, 784), Count(vae));
        Assert.Equal(652_824, Count(vae));
        Assert.Equal(new[] { "fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias", "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias" },
            vae.state_dict().Keys.ToArray());
    }

    [Fact]
    public void Autoencoder_mirrors_its_hidden_sizes()
    {
        using var scope = NewDisposeScope();
        var ae = new Autoencoder(784, [256], latentDim: 32, seed: 0);
        var x = rand(4, 1, 28, 28);
        Assert.Equal(new long[] { 4, 32 }, ae.encode(x).shape);
        Assert.Equal(new long[] { 4, 784 }, ae.call(x).shape);
        Assert.Equal(LinearCount(784, 256) + LinearCount(256, 32) + LinearCount(32, 256) + LinearCount(256, 784), Count(ae));
        Assert.Contains("encoder.2.weight", ae.state_dict().Keys);   // Linear, ReLU, Linear as in nn.Sequential
        var linear = new Autoencoder(784, [], latentDim: 10, seed: 0);
        Assert.Equal(LinearCount(784, 10) + LinearCount(10, 784), Count(linear));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Autoencoder(784, [256], latentDim: 784));
    }

    [Fact]
    public void ConvVae_shapes_and_parameter_count()
    {
        using var scope = NewDisposeScope();
        var vae = new ConvVae(latentDim: 16, seed: 0);
        var x = rand(2, 1, 28, 28);
        var (logits, mu, logvar) = vae.ForwardAll(x);
        Assert.Equal(new long[] { 2, 16 }, mu.shape);
        Assert.Equal(new long[] { 2, 16 }, logvar.shape);
        Assert.Equal(new long[] { 2, 784 }, logits.shape);
        Assert.Equal(new long[] { 2, 784 }, vae.ForwardAll(x.flatten(1)).logits.shape);   // (N, 784) inputs too
        Assert.Equal(new long[] { 3, 784 }, vae.Sample(3).shape);
        long expected = ConvCount(1, 32, 4) + ConvCount(32, 64, 4) + 2 * LinearCount(3136, 16)
                        + LinearCount(16, 3136) + ConvCount(64, 32, 4) + ConvCount(32, 1, 4);
        Assert.Equal(expected, Count(vae));
    }

    [Fact]
    public void ConditionalVae_concatenates_the_one_hot_label()
    {
        using var scope = NewDisposeScope();
        var cvae = new ConditionalVae(latentDim: 8, numClasses: 10, seed: 0);
        var x = rand(4, 1, 28, 28);
        var y = tensor(new long[] { 0, 3, 9, 3 });
        var (logits, mu, _) = cvae.ForwardAll(x, y);
        Assert.Equal(new long[] { 4, 8 }, mu.shape);
        Assert.Equal(new long[] { 4, 784 }, logits.shape);
        Assert.Equal(new long[] { 4, 784 }, cvae.Sample(y).shape);
        Assert.Equal(LinearCount(794, 400) + 2 * LinearCount(400, 8) + LinearCount(18, 400) + LinearCount(400, 784), Count(cvae));
        // The label changes the decoding of the same z.
        var z = zeros(1, 8);
        using (no_grad())
            Assert.True((cvae.decode(z, tensor(new long[] { 1 })) - cvae.decode(z, tensor(new long[] { 2 }))).abs().max().item<float>() > 1e-4f);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => cvae.encode(x, tensor(new long[] { 0, 1, 2, 10 })));
        Assert.Contains("[0, 10)", bad.Message);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights()
    {
        using var scope = NewDisposeScope();
        var a = new Vae(seed: 1);
        var b = new Vae(seed: 1);
        var c = new Vae(seed: 2);
        Assert.True(a.parameters().Zip(b.parameters()).All(p => p.First.equal(p.Second).all().item<bool>()));
        Assert.False(a.parameters().First().equal(c.parameters().First()).all().item<bool>());
        // PyTorch's default range: Linear(784, 400) weights in ±1/√784, fc4's bias in ±1/√400.
        var fc1 = a.state_dict()["fc1.weight"];
        Assert.InRange(fc1.abs().max().item<float>(), 0.9 / 28, 1.0 / 28);
        Assert.InRange(a.state_dict()["fc4.bias"].abs().max().item<float>(), 0.9 / 20, 1.0 / 20);
    }
}

[Collection(GlobalRngCollection.Name)]
public class SeededModelGlobalStreamTests
{
    [Fact]
    public void Building_a_seeded_model_leaves_the_global_stream_alone()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var expectedNext = rand(3);
        manual_seed(7);
        _ = new ConvVae(seed: 1);
        Assert.True(expectedNext.equal(rand(3)).all().item<bool>());
    }
}
