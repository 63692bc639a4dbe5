using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Training;

public class VaeTrainingTests
{
    // 128 noisy copies of 4 binary prototypes of 64 pixels, in 8 batches of 16: a tiny dataset a VAE can learn.
    internal static List<(Tensor X, Tensor y)> Batches(int dim = 64)
    {
        var g = new Generator(11);
        var prototypes = (rand(4, dim, generator: g) > 0.5).to(ScalarType.Float32);
        var y = randint(0, 4, [128], generator: g);
        var X = (prototypes[y] - 0.8 * (prototypes[y] - 0.5) * rand(128, dim, generator: g)).clamp(0, 1);
        return Enumerable.Range(0, 8).Select(i => (X[TensorIndex.Slice(16 * i, 16 * i + 16)].detach(), y[TensorIndex.Slice(16 * i, 16 * i + 16)].detach())).ToList();
    }

    private static double Entropy(Tensor x)
    {
        using var scope = NewDisposeScope();
        var p = x.clamp(1e-6, 1 - 1e-6);
        return (-(p * p.log() + (1 - p) * (1 - p).log())).sum(dim: 1).mean().item<float>();
    }

    [Fact]
    public void A_few_hundred_steps_lower_the_loss()
    {
        var batches = Batches();
        var vae = new Vae(inputDim: 64, hiddenDim: 32, latentDim: 2, seed: 0);
        var optimizer = optim.Adam(vae.parameters(), lr: 1e-2, beta2: 0.999);
        var first = VaeTraining.Epoch(vae, optimizer, batches, epoch: 1);
        IReadOnlyDictionary<string, double> last = first;
        for (int epoch = 2; epoch <= 30; epoch++) last = VaeTraining.Epoch(vae, optimizer, batches, epoch: epoch);   // 240 steps
        Assert.Equal(first["recon"] + first["kl"], first["loss"], 3);
        // BCE cannot go below the targets' own entropy Σ H(x): measure the progress above that floor.
        double floor = batches.Average(b => Entropy(b.X));
        Assert.True(last["loss"] - floor < 0.5 * (first["loss"] - floor), $"loss per sample {first["loss"]:F2} → {last["loss"]:F2}, floor {floor:F2}");
        var test = VaeTraining.Evaluate(vae, batches);
        Assert.True(vae.training);                        // the mode was restored
        Assert.InRange(test["loss"], 0.5 * last["loss"], 1.5 * last["loss"]);
        Assert.True(test["kl"] > 0);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_parameters_after_training()
    {
        var batches = Batches();
        float[] Train()
        {
            var vae = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 3);
            var optimizer = optim.Adam(vae.parameters(), lr: 1e-2, beta2: 0.999);
            for (int epoch = 1; epoch <= 3; epoch++) VaeTraining.Epoch(vae, optimizer, batches, epoch: epoch);
            return vae.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
        var a = Train();
        var b = Train();
        Assert.Equal(a, b);
        var untrained = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 3).parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        Assert.NotEqual(untrained, a);
    }

    [Fact]
    public void Step_returns_the_batch_sums_of_the_terms()
    {
        var (X, y) = Batches()[0];
        var vae = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 4);
        var twin = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 4);
        var optimizer = optim.SGD(vae.parameters(), 0.0);   // lr 0: the step leaves the weights as they were
        var terms = VaeTraining.Step(vae, optimizer, X);
        using var scope = NewDisposeScope();
        var (logits, mu, logvar) = twin.ForwardAll(X);     // the same noise: same seed, same draw
        var (loss, recon, kl) = Vae.Loss(logits, X, mu, logvar);
        Assert.Equal(loss.item<float>(), terms["loss"], 3);
        Assert.Equal(recon.item<float>(), terms["recon"], 3);
        Assert.Equal(kl.item<float>(), terms["kl"], 4);
    }

    [Fact]
    public void ConditionalVae_trains_with_labels_and_asks_for_them()
    {
        var batches = Batches();
        var cvae = new ConditionalVae(inputDim: 64, hiddenDim: 32, latentDim: 2, numClasses: 4, seed: 0);
        var optimizer = optim.Adam(cvae.parameters(), lr: 1e-2, beta2: 0.999);
        var first = VaeTraining.Epoch(cvae, optimizer, batches);
        IReadOnlyDictionary<string, double> last = first;
        for (int epoch = 2; epoch <= 10; epoch++) last = VaeTraining.Epoch(cvae, optimizer, batches, epoch: epoch);
        Assert.True(last["loss"] < 0.8 * first["loss"], $"{first["loss"]:F2} → {last["loss"]:F2}");
        var e = Assert.Throws<ArgumentNullException>(() => VaeTraining.Step(cvae, optimizer, batches[0].X));
        Assert.Contains("labels", e.Message);
        Assert.Contains("Autoencoder", Assert.Throws<ArgumentException>(() =>
            VaeTraining.Step(new Autoencoder(64, [8], 2), optimizer, batches[0].X)).Message);
    }

    [Fact]
    public void Autoencoder_training_lowers_bce_and_evaluates_both_losses()
    {
        var batches = Batches();
        var ae = new Autoencoder(64, [32], latentDim: 2, seed: 0);
        var optimizer = optim.Adam(ae.parameters(), lr: 1e-2, beta2: 0.999);
        var (bce0, mse0) = AutoencoderTraining.Evaluate(ae, batches);
        for (int epoch = 1; epoch <= 20; epoch++) AutoencoderTraining.Epoch(ae, optimizer, batches, epoch: epoch);
        var (bce1, mse1) = AutoencoderTraining.Evaluate(ae, batches);
        Assert.True(bce1 < 0.8 * bce0, $"BCE {bce0:F2} → {bce1:F2}");
        Assert.True(mse1 < 0.5 * mse0, $"MSE {mse0:F3} → {mse1:F3}");
        var g = new Generator(1);
        var noisy = AutoencoderTraining.Epoch(ae, optimizer, batches, corrupt: x => Corruption.Gaussian(x, 0.3, g));
        Assert.True(double.IsFinite(noisy["loss"]) && noisy["loss"] > 0);
    }
}
