using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// Principal component analysis (scikit-learn: <c>PCA</c>): the directions of largest variance of centred data, the
/// eigenvectors of the covariance Σ = XcᵀXc/(N − 1) (<c>torch.linalg.eigh</c>, float64) by decreasing eigenvalue.
/// With the top k components W (k, D): z = (x − μ)Wᵀ, x̂ = zW + μ — the best rank-k linear reconstruction in squared
/// error, i.e. the linear autoencoder a nonlinear one is compared with (notebook 02).
/// <example><code>
/// using var pca = Pca.Fit(train.X);                   // (60000, 1, 28, 28) → 784 axes
/// var z = pca.Transform(X, components: 32);           // (N, 784) → (N, 32)
/// var xHat = pca.InverseTransform(z);                  // (N, 32) → (N, 784)
/// double mse = pca.Mse(test.X, components: 32);        // compares with functional.mse_loss of an autoencoder
/// </code></example>
/// </summary>
public sealed class Pca : IDisposable
{
    /// <summary>The data mean μ, (D) float64.</summary>
    public Tensor Mean { get; }

    /// <summary>Principal axes as rows, (K, D) float64, unit length, by decreasing variance; each axis's sign is fixed so
    /// that its largest-magnitude entry is positive (the same data gives the same axes).</summary>
    public Tensor Components { get; }

    /// <summary>Variance along each axis, the eigenvalues of Σ, (K) float64.</summary>
    public Tensor ExplainedVariance { get; }

    /// <summary><see cref="ExplainedVariance"/> / Tr Σ, (K) float64; sums to 1 when all D axes are kept.</summary>
    public Tensor ExplainedVarianceRatio { get; }

    /// <summary>Number of axes kept (K).</summary>
    public int ComponentCount => (int)Components.shape[0];

    /// <summary>Data dimension D.</summary>
    public int Dimension => (int)Mean.shape[0];

    private Pca(Tensor mean, Tensor components, Tensor variance, Tensor ratio)
    {
        Mean = mean; Components = components; ExplainedVariance = variance; ExplainedVarianceRatio = ratio;
    }

    /// <summary>Fits on <paramref name="x"/> (N, D) (or (N, 1, H, W), flattened), keeping <paramref name="components"/> axes
    /// (all D by default). Cost: one float64 covariance GEMM and one O(D³) eigendecomposition.</summary>
    public static Pca Fit(Tensor x, int? components = null)
    {
        using var fit = GaussianFit.Fit(x);
        int d = (int)fit.Dimension, k = components ?? d;
        if (k < 1 || k > d)
            throw new ArgumentOutOfRangeException(nameof(components), $"Pca.Fit: components must be in [1, {d}] for {d}-dimensional data, got {k}.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(fit.Covariance);           // ascending λ, eigenvectors as columns
        var variance = values.flip(0)[..k].clamp_min(0);               // (k); round-off leaves −1e−17 on flat directions
        var w = vectors.flip(1)[.., ..k].T;                             // (k, D)
        var largest = w.abs().argmax(1, keepdim: true);                 // (k, 1)
        w = w * w.gather(1, largest).sign();                            // deterministic sign per axis
        var ratio = variance / fit.Covariance.trace();
        return new Pca(fit.Mean.clone().DetachFromDisposeScope(), w.contiguous().DetachFromDisposeScope(),
            variance.contiguous().DetachFromDisposeScope(), ratio.contiguous().DetachFromDisposeScope());
    }

    /// <summary>Coordinates on the first <paramref name="components"/> axes (all kept by default): (N, D) → (N, k), in x's
    /// dtype and on x's device. No graph is recorded.</summary>
    public Tensor Transform(Tensor x, int? components = null)
    {
        int k = CheckK(components, nameof(Transform));
        var flat = Flat(x, nameof(Transform));
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var w = Components[..k].to(flat.device);                                  // (k, D)
        var z = (flat.to(float64) - Mean.to(flat.device)).matmul(w.T);            // (N, D)·(D, k)
        return z.to(x.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Back to data space from the first k coordinates: (N, k) → (N, D), x̂ = zW[:k] + μ, in z's dtype.</summary>
    public Tensor InverseTransform(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2)
            throw new ArgumentException($"Pca.InverseTransform: expects codes of shape (N, k), got ({string.Join(", ", z.shape)}).", nameof(z));
        int k = CheckK((int)z.shape[1], nameof(InverseTransform));
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var xHat = z.to(float64).matmul(Components[..k].to(z.device)) + Mean.to(z.device); // (N, D)
        return xHat.to(z.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>x̂ with k axes: (N, D) → (N, D), i.e. InverseTransform(Transform(x, k)); may leave [0, 1] for images.</summary>
    public Tensor Reconstruct(Tensor x, int? components = null)
    {
        using var scope = NewDisposeScope();
        return InverseTransform(Transform(x, components)).MoveToOuterDisposeScope();
    }

    /// <summary>Mean squared error per element, (1/(N·D)) Σᵢ ‖xᵢ − x̂ᵢ‖² with k axes — <c>functional.mse_loss</c>'s
    /// reduction, so it compares directly with an autoencoder's MSE at code size k.</summary>
    public double Mse(Tensor x, int? components = null) => ReconstructionError(x, components) / Dimension;

    /// <summary>Squared error per sample, (1/N) Σᵢ ‖xᵢ − x̂ᵢ‖² (summed over the D dimensions), in float64. On the training
    /// data it equals ((N − 1)/N) Σ_{c ≥ k} λ_c, the variance left out.</summary>
    public double ReconstructionError(Tensor x, int? components = null)
    {
        var flat = Flat(x, nameof(ReconstructionError));
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var x64 = flat.to(float64);
        var error = (x64 - InverseTransform(Transform(x64, components))).square().sum(dim: 1); // (N)
        return error.mean().item<double>();
    }

    /// <summary>Frees the fitted tensors.</summary>
    public void Dispose()
    {
        Mean.Dispose(); Components.Dispose(); ExplainedVariance.Dispose(); ExplainedVarianceRatio.Dispose();
    }

    private Tensor Flat(Tensor x, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var flat = x.dim() > 2 ? x.flatten(1) : x;
        if (flat.dim() != 2 || flat.shape[1] != Dimension)
            throw new ArgumentException($"Pca.{op}: expects data of shape (N, {Dimension}) like the data it was fitted on, " +
                $"got ({string.Join(", ", x.shape)}).", nameof(x));
        return flat;
    }

    private int CheckK(int? components, string op)
    {
        int k = components ?? ComponentCount;
        if (k < 1 || k > ComponentCount)
            throw new ArgumentOutOfRangeException(nameof(components),
                $"Pca.{op}: components must be in [1, {ComponentCount}] (the number fitted), got {k}.");
        return k;
    }
}
