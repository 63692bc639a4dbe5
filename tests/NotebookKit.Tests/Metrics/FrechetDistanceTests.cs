using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class FrechetDistanceTests
{
    /// <summary>A random symmetric positive-definite matrix B·Bᵀ/n + 0.1·I, float64.</summary>
    internal static Tensor RandomSpd(int n, ulong seed)
    {
        var b = randn(n, n, dtype: float64, generator: new Generator(seed));
        return b.matmul(b.T) / n + 0.1 * eye(n, dtype: float64);
    }

    private static Tensor Vec(params double[] v) => tensor(v);

    [Fact]
    public void OneDimensionalClosedForm()
    {
        // d² = (μ₁ − μ₂)² + (σ₁ − σ₂)² = 9 + (2 − 3)².
        double d = FrechetDistance.Compute(Vec(1.0), Vec(4.0).reshape(1, 1), Vec(-2.0), Vec(9.0).reshape(1, 1));
        Assert.Equal(10, d, 12);
    }

    [Fact]
    public void HandComputedNonCommutingTwoByTwo()
    {
        // Σ₁ = diag(4, 1), Σ₂ = [[1, 1], [1, 2]]: Σ₁^{½}Σ₂Σ₁^{½} = [[4, 2], [2, 2]], trace 6, determinant 4; for a 2×2
        // SPD matrix Tr M^{½} = √(Tr M + 2√det M) = √10. d² = ‖(1, 2)‖² + (5 + 3) − 2√10.
        var s1 = tensor(new double[] { 4, 0, 0, 1 }).reshape(2, 2);
        var s2 = tensor(new double[] { 1, 1, 1, 2 }).reshape(2, 2);
        double expected = 5 + 8 - 2 * Math.Sqrt(10);
        Assert.Equal(expected, FrechetDistance.Compute(Vec(1, 2), s1, Vec(0, 0), s2), 12);
        Assert.Equal(expected, FrechetDistance.Compute(Vec(0, 0), s2, Vec(1, 2), s1), 12);
    }

    [Fact]
    public void DiagonalClosedForm()
    {
        double[] mu1 = [0, 1, 2], mu2 = [1, 1, 0], v1 = [1, 4, 0.25], v2 = [9, 1, 1];
        double expected = Enumerable.Range(0, 3).Sum(i => Math.Pow(mu1[i] - mu2[i], 2) + Math.Pow(Math.Sqrt(v1[i]) - Math.Sqrt(v2[i]), 2));
        Assert.Equal(expected, FrechetDistance.Compute(tensor(mu1), diag(tensor(v1)), tensor(mu2), diag(tensor(v2))), 10);
    }

    [Fact]
    public void CommutingFullCovariances()
    {
        // Σ₂ = 4Σ₁ commutes with Σ₁: Tr(Σ₁Σ₂)^{½} = 2 Tr Σ₁, so d² = (1 − 2)² Tr Σ₁.
        var s1 = RandomSpd(8, 9);
        var mu = zeros(8, dtype: float64);
        Assert.Equal(s1.trace().item<double>(), FrechetDistance.Compute(mu, s1, mu, 4 * s1), 9);
        Assert.Equal(0, FrechetDistance.Compute(mu, s1, mu, s1), 9);
    }

    [Fact]
    public void TraceSqrtProductIsSymmetricInItsArguments()
    {
        var a = RandomSpd(10, 1); var b = RandomSpd(10, 2);
        Assert.Equal(FrechetDistance.TraceSqrtProduct(a, b), FrechetDistance.TraceSqrtProduct(b, a), 9);
    }

    [Fact]
    public void IdenticalSetsGiveZeroAndShiftsGiveTheSquaredNormOfTheShift()
    {
        var f = randn(2000, 16, generator: new Generator(3));
        Assert.Equal(0, FrechetDistance.Compute(f, f), 6);
        // Same covariance, mean moved by 0.5 in each of 16 dims: d² = 16 · 0.25 = 4.
        Assert.Equal(4, FrechetDistance.Compute(f, f + 0.5f), 5);
        // Two independent samples of the same Gaussian: small but positive (sampling noise).
        var g = randn(2000, 16, generator: new Generator(4));
        Assert.InRange(FrechetDistance.Compute(f, g), 1e-3, 0.2);
    }

    [Fact]
    public void FitsCanBeReused()
    {
        var real = randn(500, 4, generator: new Generator(5));
        using var fitReal = GaussianFit.Fit(real);
        using var fitFake = GaussianFit.Fit(real * 2);
        // Σ_fake = 4 Σ_real, same mean 0·2 shift of the sample mean: d² = ‖μ‖² + Tr Σ_real.
        double expected = fitReal.Mean.square().sum().item<double>() + fitReal.Covariance.trace().item<double>();
        Assert.Equal(expected, FrechetDistance.Compute(fitReal, fitFake), 9);
        Assert.Equal(FrechetDistance.Compute(real, real * 2), FrechetDistance.Compute(fitReal, fitFake), 12);
    }

    [Fact]
    public void RejectsMismatchedShapesNamingThem()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            FrechetDistance.Compute(zeros(3, dtype: float64), eye(3, dtype: float64), zeros(2, dtype: float64), eye(2, dtype: float64)));
        Assert.Contains("μ₂ (2)", e.Message);
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(randn(10, 3), randn(10, 4)));
    }
}
