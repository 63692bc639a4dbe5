using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Training;

/// <summary>
/// The training loop of the course's VAEs (<see cref="Vae"/>, <see cref="ConvVae"/>, <see cref="ConditionalVae"/>),
/// as in PyTorch's vae/main.py: <see cref="Step"/> is the canonical five lines (zero_grad, forward, loss, backward,
/// step); <see cref="Epoch"/> and <see cref="Evaluate"/> run it over batches and report the −ELBO and its two terms
/// in nats per sample under the keys "loss", "recon" and "kl".
/// <example><code>
/// var optimizer = optim.Adam(vae.parameters(), lr: 1e-3, beta2: 0.999);
/// for (int epoch = 1; epoch &lt;= numEpochs; epoch++)
///     Console.WriteLine(VaeTraining.Epoch(vae, optimizer, trainLoader, epoch: epoch)["loss"]);
/// </code></example>
/// </summary>
public static class VaeTraining
{
    /// <summary>One optimisation step on a batch x (N, 1, 28, 28) or (N, 784) — labels y only for a
    /// <see cref="ConditionalVae"/> — with loss = recon + β·KL (<see cref="Vae.Loss"/>). Returns the batch's summed
    /// "loss", "recon" and "kl".</summary>
    public static IReadOnlyDictionary<string, double> Step(Module model, optim.Optimizer optimizer, Tensor x, Tensor? y = null, double beta = 1.0)
    {
        using var scope = NewDisposeScope();
        var device = ModelDevice.Of(model);
        (x, y) = (x.to(device), y?.to(device));
        optimizer.zero_grad();
        var (logits, mu, logvar) = Forward(model, x, y);
        var (loss, recon, kl) = Vae.Loss(logits, x, mu, logvar, beta);
        loss.backward();
        optimizer.step();
        return Terms(loss, recon, kl);
    }

    /// <summary>One pass over <paramref name="batches"/> in training mode (see <see cref="EpochRunner"/>); returns the
    /// mean "loss", "recon" and "kl" per sample (nats).</summary>
    public static IReadOnlyDictionary<string, double> Epoch(Module model, optim.Optimizer optimizer, IEnumerable<(Tensor X, Tensor y)> batches,
        double beta = 1.0, int epoch = 1, Action<int, IReadOnlyDictionary<string, double>>? onStep = null)
    {
        model.train();
        return EpochRunner.Run(batches, (X, y) => Step(model, optimizer, X, y, beta), epoch, onStep);
    }

    /// <summary>The mean "loss", "recon" and "kl" per sample over <paramref name="batches"/> in eval mode without a
    /// graph, one z sampled per image (as PyTorch's example tests). The model's train/eval mode is restored.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(Module model, IEnumerable<(Tensor X, Tensor y)> batches, double beta = 1.0)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var device = ModelDevice.Of(model);
            return EpochRunner.Run(batches, (X, y) =>
            {
                var x = X.to(device);
                var (logits, mu, logvar) = Forward(model, x, y.to(device));
                var (loss, recon, kl) = Vae.Loss(logits, x, mu, logvar, beta);
                return Terms(loss, recon, kl);
            });
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    // The one line that differs between the course's VAEs: the conditional one also takes the labels.
    private static (Tensor logits, Tensor mu, Tensor logvar) Forward(Module model, Tensor x, Tensor? y) => model switch
    {
        Vae vae => vae.ForwardAll(x),
        ConvVae conv => conv.ForwardAll(x),
        ConditionalVae cvae => cvae.ForwardAll(x, y ?? throw new ArgumentNullException(nameof(y), "VaeTraining: a ConditionalVae needs the labels y (N) of the batch.")),
        _ => throw new ArgumentException($"VaeTraining: {model.GetType().Name} is not one of the course's VAEs (Vae, ConvVae, ConditionalVae); write the step out by hand for it.", nameof(model)),
    };

    private static IReadOnlyDictionary<string, double> Terms(Tensor loss, Tensor recon, Tensor kl) => new Dictionary<string, double>
    {
        ["loss"] = loss.item<float>(),
        ["recon"] = recon.item<float>(),
        ["kl"] = kl.item<float>(),
    };
}
