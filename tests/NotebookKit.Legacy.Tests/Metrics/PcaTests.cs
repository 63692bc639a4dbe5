using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Metrics;
using NotebookKit.Tensors;
using NotebookKit.Tests.Data;
using Xunit.Abstractions;

namespace NotebookKit.Tests.Metrics;

public class PcaTests(ITestOutputHelper output)
{
    // N points near a planted 3-d subspace of R^20: x = A·s + 0.01·noise + offset.
    private static (Tensor X, double[,] Basis) Planted(int n = 2000, int d = 20, int rank = 3, ulong seed = 1)
    {
        var g = new Generator(seed);
        // Orthonormal basis by Gram–Schmidt on random vectors.
        var basis = new double[rank, d];
        for (int r = 0; r < rank; r++)
        {
            for (int j = 0; j < d; j++) basis[r, j] = g.NextNormal();
            for (int q = 0; q < r; q++)
            {
                double dot = 0; for (int j = 0; j < d; j++) dot += basis[r, j] * basis[q, j];
                for (int j = 0; j < d; j++) basis[r, j] -= dot * basis[q, j];
            }
            double norm = 0; for (int j = 0; j < d; j++) norm += basis[r, j] * basis[r, j];
            for (int j = 0; j < d; j++) basis[r, j] /= Math.Sqrt(norm);
        }
        var x = new float[n * d];
        double[] scales = [5, 3, 2];
        for (int i = 0; i < n; i++)
        {
            var s = Enumerable.Range(0, rank).Select(r => scales[r] * g.NextNormal()).ToArray();
            for (int j = 0; j < d; j++)
            {
                double v = 1.5 + 0.01 * g.NextNormal();
                for (int r = 0; r < rank; r++) v += s[r] * basis[r, j];
                x[i * d + j] = (float)v;
            }
        }
        return (Torch.FromArray(x, n, d), basis);
    }

    [Fact]
    public void RecoversAPlantedLowRankSubspace()
    {
        var (x, basis) = Planted();
        var pca = Pca.Fit(x);
        Assert.True(pca.ExplainedVarianceRatio.Take(3).Sum() > 0.9999);
        // Each planted direction lies in the span of the top 3 components: its projection has norm ≈ 1.
        for (int r = 0; r < 3; r++)
        {
            double norm2 = 0;
            for (int c = 0; c < 3; c++)
            {
                double dot = 0; for (int j = 0; j < 20; j++) dot += basis[r, j] * pca.Components[c, j];
                norm2 += dot * dot;
            }
            Assert.True(norm2 > 0.9999, $"planted axis {r}: squared norm of its projection {norm2}");
        }
        // Largest variance ≈ 25 along the first planted axis.
        Assert.InRange(pca.ExplainedVariance[0], 22, 28);
        for (int j = 0; j < 20; j++) Assert.Equal(1.5, pca.Mean[j], 0.5);
    }

    [Fact]
    public void ExplainedVarianceSumsToOneAndErrorDecreasesWithK()
    {
        var x = Torch.Rand([500, 12], new Generator(2)) * Torch.Linspace(0.1f, 3f, 12); // unequal variances
        var pca = Pca.Fit(x);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 6);
        double previous = double.PositiveInfinity;
        for (int k = 1; k <= 12; k++)
        {
            double err = pca.ReconstructionError(x, k);
            Assert.True(err < previous + 1e-9, $"k = {k}: error {err} ≥ {previous}");
            // On the training data, the error is the left-out variance times (N − 1)/N.
            double leftOut = pca.ExplainedVariance.Skip(k).Sum() * 499 / 500;
            Assert.Equal(leftOut, err, 3);
            previous = err;
        }
        Assert.True(previous < 1e-8);
    }

    [Fact]
    public void MatchesTheEigendecompositionOfTheCovariance()
    {
        var x = Torch.Randn([300, 6], new Generator(3)) * Torch.Tensor([3f, 2f, 1f, 0.5f, 0.3f, 0.1f]);
        var pca = Pca.Fit(x, components: 4);
        // Covariance in plain double.
        var s = x.AsSpan();
        var mean = new double[6];
        for (int i = 0; i < 300; i++) for (int j = 0; j < 6; j++) mean[j] += s[i * 6 + j] / 300.0;
        var cov = new double[6, 6];
        for (int i = 0; i < 300; i++)
            for (int a = 0; a < 6; a++)
                for (int b = 0; b < 6; b++) cov[a, b] += (s[i * 6 + a] - mean[a]) * (s[i * 6 + b] - mean[b]) / 299.0;
        var eig = SymmetricEigen.Decompose(cov);
        Assert.Equal(4, pca.ComponentCount);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(eig.Values[c], pca.ExplainedVariance[c], 4);
            double dot = 0; for (int j = 0; j < 6; j++) dot += eig.Vectors[j, c] * pca.Components[c, j];
            Assert.Equal(1.0, Math.Abs(dot), 5); // same axis up to sign
        }
    }

    [Fact]
    public void TransformAndInverseTransformShapes()
    {
        var x = Torch.Rand([10, 1, 4, 4], new Generator(4));
        var pca = Pca.Fit(x);
        var z = pca.Transform(x, components: 5);
        Assert.Equal([10, 5], z.Shape);
        Assert.Equal([10, 16], pca.InverseTransform(z).Shape);
        var full = pca.InverseTransform(pca.Transform(x)).AsSpan(); // all components: exact up to float rounding
        var flat = x.AsSpan();
        for (int i = 0; i < flat.Length; i++) Assert.Equal(flat[i], full[i], 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => pca.Transform(x, components: 17));
    }

    [RequiresDataFact("fashion-mnist")]
    public void FashionMnistPixelsFitInSeconds()
    {
        var x = FashionMnist.Load(train: true).Take(10000).Images; // (10000, 1, 28, 28)
        var sw = Stopwatch.StartNew();
        var pca = Pca.Fit(x);
        double fit = sw.Elapsed.TotalSeconds;
        double r32 = pca.ExplainedVarianceRatio.Take(32).Sum();
        output.WriteLine($"Pca.Fit on 10000×784: {fit:F2} s; 32 components explain {r32:P1} of the variance");
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 6);
        Assert.InRange(r32, 0.75, 0.95);
        Assert.True(pca.ReconstructionError(x, 64) < pca.ReconstructionError(x, 16));
    }
}
