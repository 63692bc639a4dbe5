using NotebookKit.Data;
using NotebookKit.Metrics;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Metrics;

public class ModeCoverageTests
{
    [Fact]
    public void SamplesFromTheRingCoverAllModes()
    {
        var x = RingOfGaussians.Sample(4000, new Generator(1));
        var r = ModeCoverage.Measure(x, RingOfGaussians.Centers(), std: 0.02f);
        Assert.Equal(8, r.ModesCovered);
        Assert.True(r.HighQualityFraction > 0.98f, r.ToString()); // 3σ holds 98.9 % of a 2-d Gaussian's mass
        Assert.All(r.CountsPerMode, c => Assert.InRange(c, 400, 600));
    }

    [Fact]
    public void ACollapsedGeneratorCoversOneMode()
    {
        var centers = RingOfGaussians.Centers();
        var collapsed = Torch.Full([500, 2], 0f) + centers[3];  // every sample on mode 3
        var r = ModeCoverage.Measure(collapsed, centers, std: 0.02f);
        Assert.Equal(1, r.ModesCovered);
        Assert.Equal(500, r.CountsPerMode[3]);
        Assert.Equal("1/8 modes covered, 100.0% of samples within 3σ of a mode", r.ToString().Replace(" %", "%"));
    }

    [Fact]
    public void SamplesFarFromEveryModeAreNotHighQuality()
    {
        var r = ModeCoverage.Measure(Torch.Zeros(100, 2), RingOfGaussians.Centers(), std: 0.02f);
        Assert.Equal(0, r.ModesCovered);
        Assert.Equal(0f, r.HighQualityFraction);
    }
}
