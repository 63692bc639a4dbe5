using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Metrics;

/// <summary>
/// The importance-weighted estimate of log p(x) (Burda, Grosse &amp; Salakhutdinov, 2016):
/// L_k(x) = log (1/k) Σᵢ p(x, zᵢ) / q(zᵢ|x),  zᵢ ~ q(z|x) = N(μ, diag σ²),
/// log wᵢ = log p(x|zᵢ) + log N(zᵢ; 0, I) − log N(zᵢ; μ, σ²), with the Bernoulli likelihood from the decoder's logits
/// (log p(x|z) = −BCE-with-logits summed over pixels). L₁ is the one-sample ELBO; E[L_k] increases with k towards log p(x).
/// The average is taken with log-sum-exp in double, so weights of e^{−500} neither underflow nor overflow.
/// <example><code>
/// double logPx = Iwae.Evaluate(vae, test.Take(1000), k: 100, generator: new Generator(0)); // nats per image
/// </code></example>
/// </summary>
public static class Iwae
{
    /// <summary>L_k for each row of <paramref name="x"/> (N, D) or (N, 1, H, W) in [0, 1]: N values in nats. No graph is recorded.</summary>
    public static double[] LogLikelihood(IVariationalAutoencoder vae, Tensor x, int k, Generator? generator = null)
    {
        var logW = LogWeights(vae, x, k, generator);
        int n = logW.GetLength(0);
        var result = new double[n];
        var row = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++) row[j] = logW[i, j];
            result[i] = LogSumExp(row) - Math.Log(k);
        }
        return result;
    }

    /// <summary>The mean of L_k over a dataset, batched (nats per image).</summary>
    public static double Evaluate(IVariationalAutoencoder vae, ImageDataset data, int k, int batchSize = 500, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var images = data.Images.Flatten(1);
        double total = 0;
        for (int i = 0; i < data.Count; i += batchSize)
            total += LogLikelihood(vae, images.Narrow(0, i, Math.Min(batchSize, data.Count - i)), k, generator).Sum();
        return total / Math.Max(data.Count, 1);
    }

    /// <summary>The log importance weights log wᵢⱼ (N, k): sample j for row i.</summary>
    public static double[,] LogWeights(IVariationalAutoencoder vae, Tensor x, int k, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentNullException.ThrowIfNull(x);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"Iwae: k must be at least 1, got {k}.");
        var g = generator ?? Torch.DefaultGenerator;
        using var _ = Torch.NoGrad();
        var flat = x.Dim > 2 ? x.Flatten(1) : x;
        int n = flat.Size(0);
        var (mu, logVar) = vae.Encode(x);
        var std = (logVar * 0.5f).Exp();
        var lv = logVar.AsSpan();
        int l = vae.LatentDim;
        // −log q(z|x) = Σⱼ ½ε² + ½ log σ² + ½ log 2π does not depend on μ: only ε and log σ² are needed.
        var sumHalfLogVar = new double[n];
        for (int i = 0; i < n; i++) for (int d = 0; d < l; d++) sumHalfLogVar[i] += 0.5 * lv[i * l + d];
        var logW = new double[n, k];
        for (int j = 0; j < k; j++)
        {
            var eps = Torch.RandnLike(mu, g);
            var z = mu + std * eps;
            var logits = vae.DecodeLogits(z);
            var bce = F.BinaryCrossEntropyWithLogits(logits.Dim > 2 ? logits.Flatten(1) : logits, flat, NN.Reduction.None).Sum(1).AsSpan();
            var zs = z.AsSpan(); var es = eps.AsSpan();
            for (int i = 0; i < n; i++)
            {
                double logPrior = 0, logQ = 0;
                for (int d = 0; d < l; d++)
                {
                    double zd = zs[i * l + d], ed = es[i * l + d];
                    logPrior -= 0.5 * zd * zd;
                    logQ -= 0.5 * ed * ed;
                }
                logQ -= sumHalfLogVar[i]; // the ½ log 2π terms cancel between prior and q
                logW[i, j] = -bce[i] + logPrior - logQ;
            }
        }
        return logW;
    }

    /// <summary>log Σᵢ e^{aᵢ} = m + log Σᵢ e^{aᵢ − m}, m = max a: exact for any magnitudes (−∞ if all are −∞).</summary>
    public static double LogSumExp(ReadOnlySpan<double> a)
    {
        if (a.Length == 0) return double.NegativeInfinity;
        double m = double.NegativeInfinity;
        foreach (var v in a) if (v > m) m = v;
        if (double.IsNegativeInfinity(m) || double.IsPositiveInfinity(m)) return m;
        double s = 0;
        foreach (var v in a) s += Math.Exp(v - m);
        return m + Math.Log(s);
    }
}
