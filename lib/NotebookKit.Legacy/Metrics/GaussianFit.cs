using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// Mean and covariance of the rows of a data matrix, the shared first step of <see cref="Pca"/> and
/// <see cref="FrechetDistance"/>: μ = (1/N) Σᵢ xᵢ, Σ = (1/(N − 1)) Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ.
/// The mean is summed in double; the Gram matrix of the centred data uses the float32 GEMM (60,000 × 784 would take
/// seconds in scalar double), whose rounding (relative ~1e−6) is far below the sampling error of any covariance.
/// </summary>
public static class GaussianFit
{
    /// <summary>Fits (μ, Σ) to <paramref name="x"/> (N, D); more dimensions are flattened: (N, 1, 28, 28) → (N, 784). Needs N ≥ 2.</summary>
    public static (double[] Mean, double[,] Covariance) Fit(Tensor x)
    {
        var centred = Center(x, out var mean);
        int n = centred.Size(0), d = centred.Size(1);
        if (n < 2) throw new ArgumentException($"GaussianFit: needs at least 2 samples for a covariance, got {n}.", nameof(x));
        Tensor gram;
        using (Torch.NoGrad()) gram = centred.T.Matmul(centred); // (D, D)
        var g = gram.AsSpan();
        var cov = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
                cov[i, j] = cov[j, i] = 0.5 * ((double)g[i * d + j] + g[j * d + i]) / (n - 1); // exactly symmetric
        return (mean, cov);
    }

    /// <summary>x − μ as a new (N, D) tensor (no graph), and μ in double.</summary>
    internal static Tensor Center(Tensor x, out double[] mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dim < 2) throw new ArgumentException($"expects data of shape (N, D), got {x.ShapeString}.", nameof(x));
        int n = x.Size(0), d = x.Numel / Math.Max(n, 1);
        var s = x.AsSpan();
        mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += s[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= Math.Max(n, 1);
        var c = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) c[i * d + j] = (float)(s[i * d + j] - mean[j]);
        return Torch.FromArray(c, n, d);
    }
}
