using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// Principal component analysis (scikit-learn: <c>PCA</c>): the directions of largest variance of centred data, i.e. the
/// eigenvectors of the covariance Σ = XcᵀXc/(N − 1), sorted by eigenvalue. With the top k components W (k, D):
/// z = (x − μ)·Wᵀ, x̂ = z·W + μ, the best rank-k linear reconstruction in squared error — the linear autoencoder
/// an MLP autoencoder is compared with.
/// <example><code>
/// var pca = Pca.Fit(train.Images.Flatten(1));        // (60000, 784)
/// var z = pca.Transform(X, components: 32);           // (N, 784) → (N, 32)
/// var xHat = pca.InverseTransform(z);                  // (N, 32) → (N, 784)
/// double ratio = pca.ExplainedVarianceRatio.Take(32).Sum();
/// </code></example>
/// </summary>
public sealed class Pca
{
    /// <summary>The data mean μ (D).</summary>
    public double[] Mean { get; }

    /// <summary>Principal axes as rows (K, D), unit length, by decreasing variance (each axis's sign is arbitrary).</summary>
    public double[,] Components { get; }

    /// <summary>Variance along each component, the eigenvalues of the covariance (K).</summary>
    public double[] ExplainedVariance { get; }

    /// <summary><see cref="ExplainedVariance"/> divided by the total variance tr Σ; sums to 1 when all D components are kept.</summary>
    public double[] ExplainedVarianceRatio { get; }

    /// <summary>Number of components kept (K).</summary>
    public int ComponentCount => ExplainedVariance.Length;

    /// <summary>Data dimension D.</summary>
    public int Dimension => Mean.Length;

    private Pca(double[] mean, double[,] components, double[] variance, double[] ratio)
    {
        Mean = mean; Components = components; ExplainedVariance = variance; ExplainedVarianceRatio = ratio;
    }

    /// <summary>Fits on <paramref name="x"/> (N, D) (or (N, 1, H, W), flattened), keeping <paramref name="components"/> axes (all D by default).
    /// Cost: the covariance GEMM plus one O(D³) eigendecomposition (about a second or two for D = 784).</summary>
    public static Pca Fit(Tensor x, int? components = null)
    {
        var (mean, cov) = GaussianFit.Fit(x);
        int d = mean.Length, k = components ?? d;
        if (k < 1 || k > d)
            throw new ArgumentOutOfRangeException(nameof(components), $"Pca.Fit: components must be in [1, {d}] for {d}-dimensional data, got {k}.");
        var eig = SymmetricEigen.Decompose(cov);
        double total = 0;
        for (int i = 0; i < d; i++) total += cov[i, i];
        var w = new double[k, d];
        var variance = new double[k];
        var ratio = new double[k];
        for (int c = 0; c < k; c++)
        {
            variance[c] = Math.Max(eig.Values[c], 0); // round-off can leave −1e−17 for a flat direction
            ratio[c] = total > 0 ? variance[c] / total : 0;
            for (int j = 0; j < d; j++) w[c, j] = eig.Vectors[j, c];
        }
        return new Pca(mean, w, variance, ratio);
    }

    /// <summary>Coordinates on the first <paramref name="components"/> axes (all kept by default): (N, D) → (N, k).
    /// Runs on the float32 GEMM; no graph is recorded.</summary>
    public Tensor Transform(Tensor x, int? components = null)
    {
        int k = CheckK(components, "Transform");
        var flat = Flat(x, "Transform");
        int n = flat.Size(0), d = Dimension;
        var s = flat.AsSpan();
        var c = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) c[i * d + j] = (float)(s[i * d + j] - Mean[j]);
        using var _ = Torch.NoGrad();
        return Torch.FromArray(c, n, d).Matmul(Axes(k).T); // (N, D)·(D, k)
    }

    /// <summary>Back to data space from the first k coordinates: (N, k) → (N, D), x̂ = z·W[:k] + μ.</summary>
    public Tensor InverseTransform(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Dim != 2) throw new ArgumentException($"Pca.InverseTransform: expects (N, k), got {z.ShapeString}.", nameof(z));
        int k = CheckK(z.Size(1), "InverseTransform");
        using var _ = Torch.NoGrad();
        return z.Matmul(Axes(k)) + Torch.FromArray(Mean.Select(m => (float)m).ToArray(), Dimension);
    }

    // The first k rows of Components as a float (k, D) tensor, cached per k.
    private readonly Dictionary<int, Tensor> axes = [];
    private Tensor Axes(int k)
    {
        lock (axes)
        {
            if (axes.TryGetValue(k, out var t)) return t;
            int d = Dimension;
            var w = new float[k * d];
            for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) w[c * d + j] = (float)Components[c, j];
            return axes[k] = Torch.FromArray(w, k, d);
        }
    }

    /// <summary>Mean squared reconstruction error per sample, (1/N) Σᵢ ‖xᵢ − x̂ᵢ‖² (summed over the D dimensions), with k components.
    /// On the training data this equals ((N − 1)/N) Σ_{c ≥ k} λ_c, the variance left out.</summary>
    public double ReconstructionError(Tensor x, int? components = null)
    {
        var flat = Flat(x, "ReconstructionError");
        var xHat = InverseTransform(Transform(flat, components)).AsSpan();
        var s = flat.AsSpan();
        double sum = 0;
        for (int i = 0; i < s.Length; i++) { double e = s[i] - xHat[i]; sum += e * e; }
        return sum / flat.Size(0);
    }

    private Tensor Flat(Tensor x, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var flat = x.Dim > 2 ? x.Flatten(1) : x;
        if (flat.Dim != 2 || flat.Size(1) != Dimension)
            throw new ArgumentException($"Pca.{op}: expects (N, {Dimension}) data, got {x.ShapeString}.", nameof(x));
        return flat;
    }

    private int CheckK(int? components, string op)
    {
        int k = components ?? ComponentCount;
        if (k < 1 || k > ComponentCount)
            throw new ArgumentOutOfRangeException(nameof(components), $"Pca.{op}: components must be in [1, {ComponentCount}] (the number fitted), got {k}.");
        return k;
    }
}
