using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class CorruptionTests
{
    [Fact]
    public void Gaussian_noise_is_seeded_clamped_and_has_the_asked_spread()
    {
        using var scope = NewDisposeScope();
        var x = full(100, 100, 0.5f);
        var a = Corruption.Gaussian(x, 0.1, new Generator(3));
        var b = Corruption.Gaussian(x, 0.1, new Generator(3));
        Assert.True(a.equal(b).all().item<bool>());
        Assert.Equal(0.1, (a - x).std().item<float>(), 2);
        var wide = Corruption.Gaussian(x, 2.0, new Generator(4));
        Assert.Equal(0f, wide.min().item<float>());
        Assert.Equal(1f, wide.max().item<float>());
        Assert.True(Corruption.Gaussian(x, 2.0, new Generator(4), clamp: false).max().item<float>() > 1f);
        Assert.True(Corruption.Gaussian(x, 0.0).equal(x).all().item<bool>());
        Assert.False(a.requires_grad);
    }

    [Fact]
    public void Masking_zeroes_about_p_of_the_elements_and_keeps_the_rest()
    {
        using var scope = NewDisposeScope();
        var x = full(100, 100, 0.7f);
        var m = Corruption.Masking(x, 0.25, new Generator(1));
        double zeroed = (m == 0).to(ScalarType.Float32).mean().item<float>();
        Assert.InRange(zeroed, 0.23, 0.27);
        Assert.True(((m == 0) | (m == 0.7f)).all().item<bool>());
        Assert.Throws<ArgumentOutOfRangeException>(() => Corruption.Masking(x, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Corruption.Gaussian(x, -1));
    }
}
