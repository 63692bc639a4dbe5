using NotebookKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Data;

public class RingOfGaussiansTests
{
    [Fact]
    public void CentersSitEvenlyOnTheCircle()
    {
        using var c = RingOfGaussians.Centers();
        Assert.Equal([8L, 2], c.shape);
        var v = c.data<float>().ToArray();
        Assert.Equal((2f, 0f), (v[0], v[1]));
        Assert.Equal(MathF.Sqrt(2), v[2], 1e-6f);           // centre 1 at 45°
        Assert.Equal(-2f, v[8], 1e-6f);                     // centre 4 at 180°
        using var radii = c.pow(2).sum(dim: 1).sqrt();
        Assert.All(radii.data<float>().ToArray(), r => Assert.Equal(2f, r, 1e-6f));
        using var three = RingOfGaussians.Centers(modes: 3, radius: 5f);
        Assert.Equal(-2.5f, three[1, 0].item<float>(), 1e-6f);
    }

    [Fact]
    public void SamplesClusterAroundTheCentersWithTheRightSpreadAndWeights()
    {
        using var g = new Generator(0);
        using var x = RingOfGaussians.Sample(4000, g);
        using var c = RingOfGaussians.Centers();
        Assert.Equal([4000L, 2], x.shape);
        using var d = cdist(x, c);                          // (4000, 8) distances to every centre
        var (nearest, mode) = d.min(dim: 1);
        // std 0.02 per axis: no sample strays 0.15 (> 7σ) from its centre, and the spread per axis is ≈ 0.02.
        Assert.True(nearest.max().item<float>() < 0.15f);
        using var offsets = x - c.index_select(0, mode);
        Assert.Equal(0.02, offsets.std().item<float>(), 0.002);
        // Each of the 8 modes gets about 1/8 of the samples (500 ± 5σ of a binomial ≈ 105).
        var counts = mode.bincount(null, 8).data<long>().ToArray();
        Assert.All(counts, n => Assert.InRange(n, 395, 605));
    }

    [Fact]
    public void SameGeneratorSeedSameSamples()
    {
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        using var g3 = new Generator(8);
        using var a = RingOfGaussians.Sample(16, g1);
        using var b = RingOfGaussians.Sample(16, g2);
        using var c = RingOfGaussians.Sample(16, g3);
        Assert.True(a.eq(b).all().item<bool>());
        Assert.False(a.eq(c).all().item<bool>());
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var m = Assert.Throws<ArgumentOutOfRangeException>(() => RingOfGaussians.Sample(4, modes: 0));
        Assert.Contains("modes must be at least 1, got 0", m.Message);
        var s = Assert.Throws<ArgumentOutOfRangeException>(() => RingOfGaussians.Sample(4, std: -1f));
        Assert.Contains("std must be ≥ 0, got -1", s.Message);
    }
}
