using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class VaeLossTests
{
    [Fact]
    public void Loss_equals_a_hand_computed_value()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 0f, 2f }).reshape(1, 2);
        var x = tensor(new float[] { 1f, 0f }).reshape(1, 2);
        var mu = tensor(new float[] { 1f, 0f }).reshape(1, 2);
        var logvar = tensor(new float[] { 0f, (float)Math.Log(2) }).reshape(1, 2);
        // BCE: −log σ(0) = ln 2 for x = 1; −log(1 − σ(2)) = ln(1 + e²) for x = 0.
        double recon = Math.Log(2) + Math.Log(1 + Math.Exp(2));
        // KL = −½ Σ (1 + log σ² − μ² − σ²) = −½ [(1 + 0 − 1 − 1) + (1 + ln 2 − 0 − 2)].
        double kl = -0.5 * ((1 + 0 - 1 - 1) + (1 + Math.Log(2) - 0 - 2));
        var (loss, r, k) = Vae.Loss(logits, x, mu, logvar);
        Assert.Equal(recon, r.item<float>(), 5);
        Assert.Equal(kl, k.item<float>(), 5);
        Assert.Equal(recon + kl, loss.item<float>(), 5);
        Assert.Equal(recon + 2 * kl, Vae.Loss(logits, x, mu, logvar, beta: 2).loss.item<float>(), 5);
        Assert.Equal(3.473501, loss.item<float>(), 4);
    }

    [Fact]
    public void Kl_is_zero_for_the_prior_and_positive_elsewhere()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(4, 784);
        var x = rand(4, 1, 28, 28);   // (N, 1, 28, 28) is flattened to match the logits
        var (_, _, kl0) = Vae.Loss(logits, x, zeros(4, 20), zeros(4, 20));
        Assert.Equal(0f, kl0.item<float>());
        var (_, _, kl1) = Vae.Loss(logits, x, full(4, 20, 0.1f), zeros(4, 20));
        Assert.Equal(0.5 * 4 * 20 * 0.01, kl1.item<float>(), 4);
    }

    [Fact]
    public void Loss_names_mismatched_shapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Vae.Loss(zeros(2, 784), zeros(2, 10), zeros(2, 2), zeros(2, 2)));
        Assert.Contains("(2, 784)", e.Message);
        Assert.Contains("(2, 10)", e.Message);
    }

    [Fact]
    public void Reparameterization_passes_gradients_to_mu_and_logvar()
    {
        using var scope = NewDisposeScope();
        var vae = new Vae(inputDim: 6, hiddenDim: 4, latentDim: 3, seed: 0);
        var mu = tensor(new float[] { 0.5f, -1f, 2f }).reshape(1, 3).requires_grad_();
        var logvar = tensor(new float[] { 0f, 1f, -2f }).reshape(1, 3).requires_grad_();
        var z = vae.reparameterize(mu, logvar);
        z.sum().backward();
        // dz/dμ = 1; dz/d log σ² = ½ σ ε = ½ (z − μ).
        Assert.True(mu.grad!.equal(ones(1, 3)).all().item<bool>());
        var expected = 0.5 * (z - mu).detach();
        Assert.True(logvar.grad!.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(expected.abs().sum().item<float>() > 0);   // the noise did move z away from μ
    }

    [Fact]
    public void Seeded_noise_repeats()
    {
        using var scope = NewDisposeScope();
        var a = new Vae(inputDim: 6, hiddenDim: 4, latentDim: 3, seed: 5);
        var b = new Vae(inputDim: 6, hiddenDim: 4, latentDim: 3, seed: 5);
        var mu = zeros(2, 3); var logvar = zeros(2, 3);
        Assert.True(a.reparameterize(mu, logvar).equal(b.reparameterize(mu, logvar)).all().item<bool>());
    }
}
