using NotebookKit.Metrics;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Tests.Metrics;

public class IwaeTests(ITestOutputHelper output)
{
    [Fact]
    public void MoreSamplesGiveATighterBound()
    {
        var vae = new TinyVae(16, 2, seed: 1);
        var x = TinyVae.ToyData(200, 2);
        double l1 = Iwae.LogLikelihood(vae, x, 1, new Generator(3)).mean().item<double>();
        double l10 = Iwae.LogLikelihood(vae, x, 10, new Generator(4)).mean().item<double>();
        double l100 = Iwae.LogLikelihood(vae, x, 100, new Generator(5)).mean().item<double>();
        output.WriteLine($"IWAE on an untrained tiny VAE: k=1 {l1:F3}, k=10 {l10:F3}, k=100 {l100:F3} nats");
        Assert.True(l1 < l10 && l10 < l100, $"L_k must grow with k: k=1 {l1:F3}, k=10 {l10:F3}, k=100 {l100:F3}");
        Assert.True(l100 < 0, $"log p(x) of binary data is negative: {l100:F3}");
    }

    [Fact]
    public void KEqualsOneMatchesTheElboInExpectation()
    {
        // ELBO = E_q[log p(x|z)] − KL(q ‖ N(0, I)), KL = −½ Σ (1 + log σ² − μ² − σ²) in closed form; the expectation
        // by 400 independent reparameterized samples. L₁ has the same expectation but a different estimator.
        var vae = new TinyVae(16, 3, seed: 6);
        var x = TinyVae.ToyData(100, 7);
        double iwae = Iwae.LogLikelihood(vae, x, 1, new Generator(8)).mean().item<double>(); // one sample per image
        double iwaeMany = Enumerable.Range(0, 400).Average(r => Iwae.LogLikelihood(vae, x, 1, new Generator((ulong)(100 + r))).mean().item<double>());
        double elbo = Elbo(vae, x, samples: 400, new Generator(9));
        output.WriteLine($"IWAE(k=1) one draw {iwae:F4}, mean of 400 draws {iwaeMany:F4}; ELBO {elbo:F4}");
        Assert.InRange(iwaeMany - elbo, -0.05, 0.05); // 40,000 draws each: Monte Carlo standard errors ~0.01 nats
    }

    private static double Elbo(TinyVae vae, Tensor x, int samples, Generator g)
    {
        using var _ = no_grad();
        var (mu, logvar) = vae.encode(x);
        var kl = -0.5 * (1 + logvar - mu.square() - logvar.exp()).sum(dim: 1);                 // (N)
        double recon = 0;
        for (int s = 0; s < samples; s++)
        {
            var z = mu + (0.5 * logvar).exp() * randn(mu.shape, generator: g);
            recon -= functional.binary_cross_entropy_with_logits(vae.decode(z), x, reduction: Reduction.None).sum(dim: 1).mean().item<float>();
        }
        return recon / samples - kl.mean().item<float>();
    }

    [Fact]
    public void LogWeightsMatchTheDensitiesWrittenOut()
    {
        // Same ε as the library (randn (k, N, L) on the CPU from the seed), full Gaussian log densities with their
        // ½ log 2π terms and a Bernoulli log-likelihood x log σ(ℓ) + (1 − x) log(1 − σ(ℓ)), all in float64.
        var vae = new TinyVae(16, 3, seed: 11);
        var x = TinyVae.ToyData(4, 12);
        var logW = Iwae.LogWeights(vae, x, 6, new Generator(13));                              // (4, 6)
        using var _ = no_grad();
        var (mu, logvar) = vae.encode(x);
        var eps = randn([6, 4, 3], generator: new Generator(13));
        var z = mu + (0.5 * logvar).exp() * eps;                                               // (6, 4, 3)
        var p = vae.decode(z.reshape(24, 3)).reshape(6, 4, 16).to(float64).sigmoid();
        var x64 = x.to(float64);
        var logPx = (x64 * p.log() + (1 - x64) * (1 - p).log()).sum(dim: 2);
        double halfLog2Pi = 0.5 * Math.Log(2 * Math.PI);
        var z64 = z.to(float64); var mu64 = mu.to(float64); var lv64 = logvar.to(float64);
        var logPz = (-0.5 * z64.square() - halfLog2Pi).sum(dim: 2);
        var logQ = (-0.5 * (z64 - mu64).square() / lv64.exp() - 0.5 * lv64 - halfLog2Pi).sum(dim: 2);
        var expected = (logPx + logPz - logQ).T;                                               // (4, 6)
        double maxDiff = (logW - expected).abs().max().item<double>();
        Assert.True(maxDiff < 1e-4, $"largest difference from the written-out densities: {maxDiff:E2} nats");
    }

    [Fact]
    public void SeededGeneratorRepeatsAndShapesFollowTheBatch()
    {
        var vae = new TinyVae(16, 2, seed: 0);
        var x = TinyVae.ToyData(5, 1);
        var a = Iwae.LogLikelihood(vae, x, 7, new Generator(42));
        var b = Iwae.LogLikelihood(vae, x, 7, new Generator(42));
        Assert.True(a.eq(b).all().item<bool>());
        Assert.Equal(new long[] { 5 }, a.shape);
        Assert.Equal(ScalarType.Float64, a.dtype);
        var logW = Iwae.LogWeights(vae, x, 7, new Generator(42));
        Assert.Equal(new long[] { 5, 7 }, logW.shape);
        Assert.True(a.allclose(logW.logsumexp(1) - Math.Log(7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iwae.LogLikelihood(vae, x, 0));
    }

    [Fact]
    public void LargeBatchesAreSampledInChunksWithFiniteWeights()
    {
        // 3000 images × k = 5 exceeds one decode chunk, so samples are drawn in several chunks; the weights must
        // still be finite, negative for binary data, and agree in mean with a small unchunked run.
        var vae = new TinyVae(16, 2, seed: 2);
        var x = TinyVae.ToyData(3000, 3);
        var logW = Iwae.LogWeights(vae, x, 5, new Generator(4));
        Assert.Equal(new long[] { 3000, 5 }, logW.shape);
        Assert.True(logW.isfinite().all().item<bool>());
        double chunked = logW.mean().item<double>();
        double small = Iwae.LogWeights(vae, x[..100], 5, new Generator(5)).mean().item<double>();
        Assert.InRange(chunked - small, -1.0, 1.0);
    }

    [Fact]
    public void EvaluateOverBatchesEqualsEvaluateOverATensor()
    {
        var vae = new TinyVae(16, 2, seed: 3);
        var x = TinyVae.ToyData(120, 4);
        var y = zeros(120, dtype: int64);
        var batches = Enumerable.Range(0, 3).Select(b => (x.narrow(0, b * 40, 40), y.narrow(0, b * 40, 40))).ToList();
        double fromBatches = Iwae.Evaluate(vae, batches, k: 4, generator: new Generator(6));
        double fromTensor = Iwae.Evaluate(vae, x, k: 4, batchSize: 40, generator: new Generator(6));
        Assert.Equal(fromBatches, fromTensor, 12);
        double expected = batches.Sum(b => Iwae.LogLikelihood(vae, b.Item1, 4, null).sum().item<double>()) / 120;
        Assert.InRange(fromTensor - expected, -1.0, 1.0); // other draws, same bound
    }
}
