using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// Mean and covariance of the rows of a feature matrix, the shared first step of <see cref="Pca"/> and
/// <see cref="FrechetDistance"/>: μ = (1/N) Σᵢ xᵢ, Σ = (1/(N − 1)) Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ, both in float64 — a covariance
/// summed in float32 over 60,000 images loses the small eigenvalues the matrix square roots depend on.
/// <example><code>
/// using var fit = GaussianFit.Fit(features);   // (N, D) → Mean (D), Covariance (D, D), float64
/// </code></example>
/// </summary>
public sealed class GaussianFit : IDisposable
{
    /// <summary>μ, (D) float64, on the device of the features.</summary>
    public Tensor Mean { get; }

    /// <summary>Σ, (D, D) float64, exactly symmetric, with the unbiased 1/(N − 1) normalisation (as <c>torch.cov</c>).</summary>
    public Tensor Covariance { get; }

    /// <summary>Number of samples N the fit saw.</summary>
    public long Count { get; }

    /// <summary>Feature dimension D.</summary>
    public long Dimension => Mean.shape[0];

    private GaussianFit(Tensor mean, Tensor covariance, long count)
    {
        Mean = mean; Covariance = covariance; Count = count;
    }

    /// <summary>Fits (μ, Σ) to <paramref name="features"/> (N, D); more dimensions are flattened: (N, 1, 28, 28) → (N, 784).
    /// Needs N ≥ 2. The result's tensors survive the caller's dispose scope; dispose the fit to free them.</summary>
    public static GaussianFit Fit(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() < 2)
            throw new ArgumentException($"GaussianFit.Fit: expects features of shape (N, D), got ({string.Join(", ", features.shape)}); " +
                "add a dimension with unsqueeze(1) for 1-d data.", nameof(features));
        long n = features.shape[0];
        if (n < 2)
            throw new ArgumentException($"GaussianFit.Fit: needs at least 2 samples for a covariance, got {n}.", nameof(features));
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var x = features.flatten(1).to(float64);       // (N, D)
        var mean = x.mean([0]);                         // (D)
        var centred = x - mean;                         // (N, D)
        var cov = centred.T.matmul(centred) / (n - 1);  // (D, D)
        cov = (cov + cov.T) / 2;                        // symmetric up to round-off; make it exact for eigh
        return new GaussianFit(mean.DetachFromDisposeScope(),
            cov.DetachFromDisposeScope(), n);
    }

    /// <summary>Frees the two tensors.</summary>
    public void Dispose()
    {
        Mean.Dispose();
        Covariance.Dispose();
    }
}
