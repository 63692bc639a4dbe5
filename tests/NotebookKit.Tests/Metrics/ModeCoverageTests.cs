using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class ModeCoverageTests
{
    // The ring of 8: centres at radius 2, angles 2πk/8, std 0.02.
    private static Tensor Centers()
    {
        var angle = arange(8, dtype: float32) * (2 * Math.PI / 8);
        return stack([2 * angle.cos(), 2 * angle.sin()], 1);                      // (8, 2)
    }

    private static Tensor RingSamples(int n, ulong seed)
    {
        var g = new Generator(seed);
        var mode = randint(8, [n], generator: g);
        return Centers()[mode] + 0.02f * randn(n, 2, generator: g);              // (n, 2)
    }

    [Fact]
    public void SamplesFromTheRingCoverAllModes()
    {
        var r = ModeCoverage.Measure(RingSamples(4000, 1), Centers(), std: 0.02);
        Assert.Equal(8, r.ModesCovered);
        Assert.InRange(r.HighQualityFraction, 0.98, 1.0); // 3σ holds 98.9 % of a 2-d Gaussian's mass
        Assert.All(r.CountsPerMode, c => Assert.InRange(c, 400, 600));
        Assert.Equal(r.HighQualityFraction * 4000, r.CountsPerMode.Sum(), 6);
    }

    [Fact]
    public void ACollapsedGeneratorCoversOneMode()
    {
        var collapsed = zeros(500, 2) + Centers()[3];                             // every sample on mode 3
        var r = ModeCoverage.Measure(collapsed, Centers(), std: 0.02);
        Assert.Equal(1, r.ModesCovered);
        Assert.Equal(new[] { 0, 0, 0, 500, 0, 0, 0, 0 }, r.CountsPerMode);
        Assert.Equal("1/8 modes covered, 100.0% of samples within 3σ of a mode", r.ToString());
    }

    [Fact]
    public void AModeBelowItsMinimumShareIsNotCovered()
    {
        // 2 samples on mode 0 and 98 on mode 1: mode 0 has 2 < 0.25 · 100/8 = 3.125, so only mode 1 counts.
        var x = cat([zeros(2, 2) + Centers()[0], zeros(98, 2) + Centers()[1]], 0);
        Assert.Equal(1, ModeCoverage.Measure(x, Centers(), std: 0.02).ModesCovered);
        Assert.Equal(2, ModeCoverage.Measure(x, Centers(), std: 0.02, minFraction: 0.1).ModesCovered); // 2 ≥ 0.1 · 12.5
    }

    [Fact]
    public void SamplesFarFromEveryModeAreNotHighQuality()
    {
        var r = ModeCoverage.Measure(zeros(100, 2), Centers(), std: 0.02);
        Assert.Equal(0, r.ModesCovered);
        Assert.Equal(0.0, r.HighQualityFraction);
        Assert.Equal(0, r.CountsPerMode.Sum());
    }
}
