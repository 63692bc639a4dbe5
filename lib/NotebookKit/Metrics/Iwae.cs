using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Metrics;

/// <summary>
/// The importance-weighted bound on log p(x) (Burda, Grosse &amp; Salakhutdinov, 2016):
/// log p(x) ≥ L_k(x) = E[log (1/k) Σᵢ p(x, zᵢ) / q(zᵢ|x)],  zᵢ ~ q(z|x) = N(μ, diag σ²),
/// log wᵢ = log p(x|zᵢ) + log N(zᵢ; 0, I) − log N(zᵢ; μ, σ²), log p(x|z) = −BCE-with-logits summed over pixels.
/// L₁ is the ELBO in expectation; E[L_k] increases with k towards log p(x). The mean over the k weights is taken with
/// <c>logsumexp</c> in float64, so weights of e^{−500} neither underflow nor overflow. Call <c>eval()</c> on the model first.
/// <example><code>
/// double logPx = Iwae.Evaluate(vae, testLoader, k: 100, generator: new Generator(0));   // nats per image
/// </code></example>
/// </summary>
public static class Iwae
{
    /// <summary>At most this many decoded rows (k·N, 784) are alive at once; larger k is sampled in chunks.</summary>
    private const long MaxDecodedRows = 8192;

    /// <summary>L_k for each row of <paramref name="x"/> (N, 784) or (N, 1, 28, 28) in [0, 1]: (N) float64, nats.</summary>
    public static Tensor LogLikelihood(IVariationalAutoencoder vae, Tensor x, int k, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var logW = LogWeights(vae, x, k, generator);                   // (N, k)
        return (logW.logsumexp(1) - Math.Log(k)).MoveToOuterDisposeScope();
    }

    /// <summary>The mean of L_k over every image of <paramref name="batches"/> (a DataLoader or any list of pairs; labels unused).</summary>
    public static double Evaluate(IVariationalAutoencoder vae, IEnumerable<(Tensor X, Tensor y)> batches, int k, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        double total = 0;
        long count = 0;
        foreach (var (X, _) in batches)
        {
            using var scope = NewDisposeScope();
            total += LogLikelihood(vae, X, k, generator).sum().item<double>();
            count += X.shape[0];
        }
        if (count == 0) throw new ArgumentException("Iwae.Evaluate: the batches held no images.", nameof(batches));
        return total / count;
    }

    /// <summary>The mean of L_k over the rows of <paramref name="x"/> (N, …), <paramref name="batchSize"/> rows at a time.</summary>
    public static double Evaluate(IVariationalAutoencoder vae, Tensor x, int k, int batchSize = 100, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"Iwae.Evaluate: batchSize must be at least 1, got {batchSize}.");
        long n = x.shape[0];
        if (n == 0) throw new ArgumentException("Iwae.Evaluate: x holds no images.", nameof(x));
        double total = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            total += LogLikelihood(vae, x.narrow(0, start, Math.Min(batchSize, n - start)), k, generator).sum().item<double>();
        }
        return total / n;
    }

    /// <summary>The log importance weights log wᵢⱼ, (N, k) float64: sample j for image i. No graph is recorded.
    /// ε is drawn on the CPU from <paramref name="generator"/> (the global generator if null) and moved to μ's device,
    /// so a seed gives the same numbers on every device.</summary>
    public static Tensor LogWeights(IVariationalAutoencoder vae, Tensor x, int k, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentNullException.ThrowIfNull(x);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"Iwae: k (importance samples per image) must be at least 1, got {k}.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var (mu, logvar) = vae.encode(x);                               // (N, L) each
        long n = mu.shape[0], chunk = Math.Max(1, MaxDecodedRows / Math.Max(n, 1));
        var target = x.flatten(1);                                      // (N, 784)
        var parts = new List<Tensor>();
        for (long start = 0; start < k; start += chunk)
            parts.Add(ChunkLogWeights(vae, target, mu, logvar, Math.Min(chunk, k - start), generator));
        return cat(parts, 0).T.contiguous().MoveToOuterDisposeScope(); // (k, N) → (N, k)
    }

    // log w for c samples per image: (c, N). The ½ log 2π terms of p(z) and q(z|x) cancel.
    private static Tensor ChunkLogWeights(IVariationalAutoencoder vae, Tensor target, Tensor mu, Tensor logvar, long c, Generator? generator)
    {
        long n = mu.shape[0], l = mu.shape[1];
        var eps = randn([c, n, l], dtype: mu.dtype, generator: generator).to(mu.device); // (c, N, L)
        var z = mu + (0.5 * logvar).exp() * eps;                                         // reparameterization
        var logits = vae.decode(z.reshape(c * n, l)).reshape(c, n, -1);                  // (c, N, 784)
        if (logits.shape[2] != target.shape[1])
            throw new ArgumentException($"Iwae: the decoder gives {logits.shape[2]} logits per image but x has {target.shape[1]} pixels; " +
                "pass x as (N, 784) or (N, 1, 28, 28) for a 784-pixel decoder.", nameof(target));
        var bce = functional.binary_cross_entropy_with_logits(logits, target.to(logits.dtype).expand(c, n, -1), reduction: Reduction.None);
        var logPxGivenZ = -bce.to(float64).sum(dim: 2);                                  // (c, N)
        var logPz = -0.5 * z.to(float64).square().sum(dim: 2);
        var logQz = -0.5 * eps.to(float64).square().sum(dim: 2) - 0.5 * logvar.to(float64).sum(dim: 1);
        return logPxGivenZ + logPz - logQz;
    }
}
