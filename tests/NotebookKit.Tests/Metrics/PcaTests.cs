using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class PcaTests
{
    // Four points ±3u, ±1v with u = (0.6, 0.8), v = (−0.8, 0.6) around (1, 2): Σ = (2·9 uuᵀ + 2·1 vvᵀ)/3, so the axes
    // are exactly u (variance 6) and v (variance 2/3).
    private static Tensor FourPoints()
    {
        double[] u = [0.6, 0.8], v = [-0.8, 0.6];
        var rows = new[] { (3.0, u), (-3.0, u), (1.0, v), (-1.0, v) }
            .SelectMany(p => new[] { 1 + p.Item1 * p.Item2[0], 2 + p.Item1 * p.Item2[1] }).ToArray();
        return tensor(rows).reshape(4, 2);
    }

    [Fact]
    public void KnownPrincipalAxesVariancesAndSigns()
    {
        using var pca = Pca.Fit(FourPoints());
        Close.Equal(new[] { 6.0, 2.0 / 3 }, pca.ExplainedVariance, 1e-12);
        Close.Equal(new[] { 0.9, 0.1 }, pca.ExplainedVarianceRatio, 1e-12);
        // Signs fixed by the largest-magnitude entry: u stays, v = (−0.8, 0.6) flips to (0.8, −0.6).
        Close.Equal(new[] { 0.6, 0.8, 0.8, -0.6 }, pca.Components, 1e-12);
        Close.Equal(new[] { 1.0, 2.0 }, pca.Mean, 1e-14);
        // The first point 1 + 3u projects to (3, 0) on (u, −v).
        var z = pca.Transform(FourPoints());
        Close.Equal(new[] { 3.0, 0.0 }, z[0], 1e-12);
    }

    [Fact]
    public void RecoversAPlantedLowRankSubspace()
    {
        // x = 1.5 + s·B + 0.01·noise, B (3, 20) orthonormal rows, s ~ N(0, diag(25, 9, 4)).
        var g = new Generator(1);
        var basis = linalg.qr(randn(20, 3, dtype: float64, generator: g)).Q.T;                 // (3, 20)
        var s = randn(2000, 3, dtype: float64, generator: g) * tensor(new double[] { 5, 3, 2 });
        var x = (1.5 + s.matmul(basis) + 0.01 * randn(2000, 20, dtype: float64, generator: g)).to(float32);
        using var pca = Pca.Fit(x);
        Assert.True(pca.ExplainedVarianceRatio[..3].sum().item<double>() > 0.9999);
        // Each planted direction lies in the span of the top 3 components: its projection keeps norm ≈ 1.
        var projected = basis.matmul(pca.Components[..3].T).square().sum(dim: 1);                // (3)
        Assert.All(projected.data<double>().ToArray(), p => Assert.InRange(p, 0.9999, 1.0001));
        Assert.InRange(pca.ExplainedVariance[0].item<double>(), 22, 28);
    }

    [Fact]
    public void ErrorIsTheLeftOutVarianceAndShrinksWithK()
    {
        var x = rand(500, 12, generator: new Generator(2)) * linspace(0.1, 3, 12);            // unequal variances
        using var pca = Pca.Fit(x);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.sum().item<double>(), 9);
        var variance = pca.ExplainedVariance.data<double>().ToArray();
        double previous = double.PositiveInfinity;
        for (int k = 1; k <= 12; k++)
        {
            double err = pca.ReconstructionError(x, k);
            Assert.True(err < previous, $"k = {k}: error {err} ≥ {previous}");
            Assert.Equal(variance.Skip(k).Sum() * 499 / 500, err, 6); // on the training data: ((N − 1)/N) Σ_{c ≥ k} λ_c
            Assert.Equal(err / 12, pca.Mse(x, k), 12);
            previous = err;
        }
        Assert.True(previous < 1e-10);
    }

    [Fact]
    public void MseMatchesMseLossOfTheReconstruction()
    {
        var x = rand(64, 1, 4, 4, generator: new Generator(3));
        using var pca = Pca.Fit(x);
        var xHat = pca.Reconstruct(x, components: 3);                                          // (64, 16)
        double expected = nn.functional.mse_loss(xHat, x.flatten(1)).item<float>();
        Assert.Equal(expected, pca.Mse(x, 3), 6);
        Assert.True(pca.Mse(x, 3) > pca.Mse(x, 8));
    }

    [Fact]
    public void ShapesDtypesAndFullReconstruction()
    {
        var x = rand(10, 1, 4, 4, generator: new Generator(4));
        using var pca = Pca.Fit(x, components: 9);                                             // rank ≤ 9 with 10 samples
        var z = pca.Transform(x, components: 5);
        Assert.Equal(new long[] { 10, 5 }, z.shape);
        Assert.Equal(ScalarType.Float32, z.dtype);
        Assert.Equal(new long[] { 10, 16 }, pca.InverseTransform(z).shape);
        Assert.True(pca.Reconstruct(x).allclose(x.flatten(1), atol: 1e-5));                  // 10 centred points span ≤ 9 dims
        Assert.Throws<ArgumentOutOfRangeException>(() => pca.Transform(x, components: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, components: 17));
        var e = Assert.Throws<ArgumentException>(() => pca.Transform(zeros(3, 15)));
        Assert.Contains("(N, 16)", e.Message);
    }
}
