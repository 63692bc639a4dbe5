using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// The Fréchet (2-Wasserstein) distance between Gaussians fitted to two feature sets, the statistic behind FID
/// (Heusel et al., 2017):
/// d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁^{½} Σ₂ Σ₁^{½})^{½}).
/// Tr (Σ₁Σ₂)^{½} = Tr (Σ₁^{½} Σ₂ Σ₁^{½})^{½} (similar matrices), and the right side is symmetric positive
/// semi-definite, so two symmetric eigendecompositions (<c>torch.linalg.eigh</c>, float64) give it with no complex
/// square root. The notebooks use a Fashion-MNIST classifier's features instead of Inception's 2048.
/// <example><code>
/// double fd = FrechetDistance.Compute(featuresReal, featuresFake);   // (N₁, D), (N₂, D) → d²
/// </code></example>
/// </summary>
public static class FrechetDistance
{
    /// <summary>d² between Gaussians fitted (<see cref="GaussianFit.Fit"/>) to the rows of (N₁, D) and (N₂, D).</summary>
    public static double Compute(Tensor features1, Tensor features2)
    {
        using var a = GaussianFit.Fit(features1);
        using var b = GaussianFit.Fit(features2);
        return Compute(a, b);
    }

    /// <summary>d² between two fits, e.g. a fit of the real test features computed once and reused.</summary>
    public static double Compute(GaussianFit a, GaussianFit b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compute(a.Mean, a.Covariance, b.Mean, b.Covariance);
    }

    /// <summary>d² between N(μ₁, Σ₁) and N(μ₂, Σ₂): means (D), covariances (D, D) symmetric positive semi-definite.</summary>
    public static double Compute(Tensor mu1, Tensor sigma1, Tensor mu2, Tensor sigma2)
    {
        CheckShapes(mu1, sigma1, mu2, sigma2);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var diff = mu1.to(float64) - mu2.to(float64);
        double meanTerm = diff.dot(diff).item<double>();
        double trace = (sigma1.to(float64).trace() + sigma2.to(float64).trace()).item<double>();
        return meanTerm + trace - 2 * TraceSqrtProduct(sigma1, sigma2);
    }

    /// <summary>Tr (Σ₁Σ₂)^{½} = Σᵢ √λᵢ(Σ₁^{½} Σ₂ Σ₁^{½}), round-off negatives clamped to 0. Symmetric in its arguments.</summary>
    public static double TraceSqrtProduct(Tensor sigma1, Tensor sigma2)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var root1 = SymmetricSqrt(sigma1.to(float64));       // (D, D)
        var m = root1.matmul(sigma2.to(float64)).matmul(root1);
        m = (m + m.T) / 2;                                   // symmetric up to round-off; eigh reads one triangle
        return linalg.eigvalsh(m).clamp_min(0).sqrt().sum().item<double>();
    }

    /// <summary>S^{½} = V diag(√λ) Vᵀ for symmetric positive semi-definite S (D, D) = V diag(λ) Vᵀ.</summary>
    internal static Tensor SymmetricSqrt(Tensor s)
    {
        var (values, vectors) = linalg.eigh(s);
        return (vectors * values.clamp_min(0).sqrt()).matmul(vectors.T); // column j scaled by √λⱼ
    }

    private static void CheckShapes(Tensor mu1, Tensor sigma1, Tensor mu2, Tensor sigma2)
    {
        ArgumentNullException.ThrowIfNull(mu1); ArgumentNullException.ThrowIfNull(sigma1);
        ArgumentNullException.ThrowIfNull(mu2); ArgumentNullException.ThrowIfNull(sigma2);
        long d = mu1.dim() == 1 ? mu1.shape[0] : -1;
        bool ok = d > 0 && mu2.dim() == 1 && mu2.shape[0] == d && IsSquare(sigma1, d) && IsSquare(sigma2, d);
        if (!ok)
            throw new ArgumentException("FrechetDistance.Compute: expects μ₁, μ₂ of shape (D) and Σ₁, Σ₂ of shape (D, D); got " +
                $"μ₁ {Shape(mu1)}, Σ₁ {Shape(sigma1)}, μ₂ {Shape(mu2)}, Σ₂ {Shape(sigma2)}. Fit features with GaussianFit.Fit.");
    }

    private static bool IsSquare(Tensor s, long d) => s.dim() == 2 && s.shape[0] == d && s.shape[1] == d;

    private static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
