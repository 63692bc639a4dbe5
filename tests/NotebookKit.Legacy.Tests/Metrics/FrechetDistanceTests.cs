using NotebookKit.Metrics;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Metrics;

public class FrechetDistanceTests
{
    [Fact]
    public void OneDimensionalClosedForm()
    {
        // d² = (μ₁ − μ₂)² + (σ₁ − σ₂)².
        double d = FrechetDistance.Compute([1.0], new double[,] { { 4.0 } }, [-2.0], new double[,] { { 9.0 } });
        Assert.Equal(9 + 1, d, 12);
    }

    [Fact]
    public void DiagonalClosedForm()
    {
        double[] mu1 = [0, 1, 2], mu2 = [1, 1, 0];
        double[] v1 = [1, 4, 0.25], v2 = [9, 1, 1];
        var s1 = new double[3, 3]; var s2 = new double[3, 3];
        for (int i = 0; i < 3; i++) { s1[i, i] = v1[i]; s2[i, i] = v2[i]; }
        double expected = 0;
        for (int i = 0; i < 3; i++) expected += Math.Pow(mu1[i] - mu2[i], 2) + Math.Pow(Math.Sqrt(v1[i]) - Math.Sqrt(v2[i]), 2);
        Assert.Equal(expected, FrechetDistance.Compute(mu1, s1, mu2, s2), 10);
    }

    [Fact]
    public void CommutingFullCovariances()
    {
        // Σ₂ = c²Σ₁ commute: tr(Σ₁Σ₂)^{1/2} = c·tr Σ₁, so d² = ‖Δμ‖² + (1 − c)² tr Σ₁.
        var s1 = LinAlg.RandomSpd(8, 9);
        var s2 = new double[8, 8];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) s2[i, j] = 4 * s1[i, j];
        double tr = Enumerable.Range(0, 8).Sum(i => s1[i, i]);
        var mu = new double[8];
        Assert.Equal(tr, FrechetDistance.Compute(mu, s1, mu, s2), 9);
        Assert.Equal(0, FrechetDistance.Compute(mu, s1, mu, s1), 9);
    }

    [Fact]
    public void TraceSqrtIsSymmetricInItsArguments()
    {
        var a = LinAlg.RandomSpd(10, 1); var b = LinAlg.RandomSpd(10, 2);
        Assert.Equal(FrechetDistance.TraceSqrtProduct(a, b), FrechetDistance.TraceSqrtProduct(b, a), 9);
    }

    [Fact]
    public void FromFeaturesIdenticalSetsGiveZeroAndShiftsGiveTheirSquaredNorm()
    {
        var f = Torch.Randn([2000, 16], new Generator(3));
        Assert.Equal(0, FrechetDistance.FromFeatures(f, f), 4);
        var shifted = f + 0.5f; // same covariance, mean moved by 0.5 in each of 16 dims: d² = 16·0.25 = 4
        Assert.Equal(4, FrechetDistance.FromFeatures(f, shifted), 3);
        // Two independent samples of the same Gaussian: small but positive (sampling noise).
        var g = Torch.Randn([2000, 16], new Generator(4));
        Assert.InRange(FrechetDistance.FromFeatures(f, g), 0, 0.2);
    }
}
