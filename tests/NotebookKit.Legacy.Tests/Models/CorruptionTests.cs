using NotebookKit.Models;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Models;

public class CorruptionTests
{
    [Fact]
    public void GaussianNoiseIsSeededAndClamped()
    {
        var x = Torch.Full([100, 50], 0.5f);
        var a = Corruption.Gaussian(x, 0.3f, new Generator(1));
        Assert.Equal(a.ToArray(), Corruption.Gaussian(x, 0.3f, new Generator(1)).ToArray());
        Assert.All(a.ToArray(), v => Assert.InRange(v, 0f, 1f));
        var raw = Corruption.Gaussian(x, 0.3f, new Generator(2), clamp: false).ToArray();
        double mean = raw.Average(v => (double)v), sd = Math.Sqrt(raw.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(0.5, mean, 1);
        Assert.InRange(sd, 0.28, 0.32);
        Assert.Equal(x.ToArray(), Corruption.Gaussian(x, 0f).ToArray());
    }

    [Fact]
    public void MaskingZeroesAboutAFractionP()
    {
        var x = Torch.Ones(200, 100);
        var m = Corruption.Masking(x, 0.25f, new Generator(3)).ToArray();
        Assert.All(m, v => Assert.True(v == 0f || v == 1f));
        Assert.InRange(m.Count(v => v == 0f) / (double)m.Length, 0.24, 0.26);
        Assert.Throws<ArgumentOutOfRangeException>(() => Corruption.Masking(x, 1.5f));
    }
}
