using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// The Fréchet (2-Wasserstein) distance between Gaussians fitted to two feature sets, the statistic behind FID
/// (Heusel et al., 2017):
/// d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^{1/2}),
/// with tr (Σ₁Σ₂)^{1/2} = tr (Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2} (similar matrices; the right side is symmetric positive
/// semi-definite, so two symmetric eigendecompositions give it in double, with no complex square root).
/// Our images use <see cref="Models.FashionClassifier"/> features (128-d) instead of Inception's 2048.
/// <example><code>
/// var net = FashionClassifier.LoadOrTrain();
/// double fd = FrechetDistance.FromFeatures(net.FeaturesOf(real), net.FeaturesOf(fake)); // (N, 128) each
/// </code></example>
/// </summary>
public static class FrechetDistance
{
    /// <summary>d² between N(μ₁, Σ₁) and N(μ₂, Σ₂); covariances symmetric positive semi-definite (D, D).</summary>
    public static double Compute(double[] mu1, double[,] sigma1, double[] mu2, double[,] sigma2)
    {
        ArgumentNullException.ThrowIfNull(mu1); ArgumentNullException.ThrowIfNull(mu2);
        ArgumentNullException.ThrowIfNull(sigma1); ArgumentNullException.ThrowIfNull(sigma2);
        int d = mu1.Length;
        if (mu2.Length != d || sigma1.GetLength(0) != d || sigma1.GetLength(1) != d || sigma2.GetLength(0) != d || sigma2.GetLength(1) != d)
            throw new ArgumentException($"FrechetDistance: dimensions disagree: μ₁ ({d}), μ₂ ({mu2.Length}), Σ₁ ({sigma1.GetLength(0)}×{sigma1.GetLength(1)}), " +
                $"Σ₂ ({sigma2.GetLength(0)}×{sigma2.GetLength(1)}).");
        double meanTerm = 0, trace = 0;
        for (int i = 0; i < d; i++)
        {
            meanTerm += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
            trace += sigma1[i, i] + sigma2[i, i];
        }
        return meanTerm + trace - 2 * TraceSqrtProduct(sigma1, sigma2);
    }

    /// <summary>d² between Gaussians fitted (<see cref="GaussianFit.Fit"/>) to the rows of two feature sets (N₁, D) and (N₂, D).</summary>
    public static double FromFeatures(Tensor features1, Tensor features2)
    {
        var (mu1, s1) = GaussianFit.Fit(features1);
        var (mu2, s2) = GaussianFit.Fit(features2);
        return Compute(mu1, s1, mu2, s2);
    }

    /// <summary>tr (Σ₁Σ₂)^{1/2} = Σ √λᵢ(Σ₁^{1/2} Σ₂ Σ₁^{1/2}), with round-off negatives clamped to 0.</summary>
    public static double TraceSqrtProduct(double[,] sigma1, double[,] sigma2)
    {
        var root1 = SymmetricEigen.Decompose(sigma1).Apply(l => Math.Sqrt(Math.Max(l, 0)));
        var m = Multiply(Multiply(root1, sigma2), root1);
        int d = m.GetLength(0);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < i; j++) m[i, j] = m[j, i] = 0.5 * (m[i, j] + m[j, i]); // symmetric up to round-off; make it exact
        return SymmetricEigen.Decompose(m).Values.Sum(l => Math.Sqrt(Math.Max(l, 0)));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++)
            {
                double x = a[i, p];
                if (x == 0) continue;
                for (int j = 0; j < m; j++) c[i, j] += x * b[p, j];
            }
        return c;
    }
}
