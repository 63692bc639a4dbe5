using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Training;

/// <summary>
/// The training loop of <see cref="Autoencoder"/>, in the style of <see cref="VaeTraining"/>: the loss is summed over
/// pixels and reported per sample under "loss" (nats for BCE, squared pixel units for MSE). A <c>corrupt</c> function
/// (e.g. <c>x => Corruption.Gaussian(x, 0.3, g)</c>) makes it a denoising autoencoder: input corrupt(x), target x.
/// </summary>
public static class AutoencoderTraining
{
    /// <summary>The batch's summed loss between the reconstruction of <paramref name="input"/> and
    /// <paramref name="target"/> (both (N, 784) or (N, 1, 28, 28)): BCE on the logits, or MSE on sigmoid(logits).</summary>
    public static Tensor Loss(Autoencoder model, Tensor input, Tensor target, ReconstructionLoss loss = ReconstructionLoss.Bce)
    {
        var logits = model.call(input);                          // (N, 784)
        var y = target.dim() > 2 ? target.flatten(1) : target;   // (N, 784)
        return loss switch
        {
            ReconstructionLoss.Bce => functional.binary_cross_entropy_with_logits(logits, y, reduction: Reduction.Sum),
            ReconstructionLoss.Mse => functional.mse_loss(functional.sigmoid(logits), y, Reduction.Sum),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), $"AutoencoderTraining: unknown loss {loss}; use ReconstructionLoss.Bce or .Mse."),
        };
    }

    /// <summary>One optimisation step on x (the five canonical lines); returns the batch's summed "loss".</summary>
    public static IReadOnlyDictionary<string, double> Step(Autoencoder model, optim.Optimizer optimizer, Tensor x,
        ReconstructionLoss loss = ReconstructionLoss.Bce, Func<Tensor, Tensor>? corrupt = null)
    {
        using var scope = NewDisposeScope();
        x = x.to(ModelDevice.Of(model));
        optimizer.zero_grad();
        var l = Loss(model, corrupt?.Invoke(x) ?? x, x, loss);
        l.backward();
        optimizer.step();
        return new Dictionary<string, double> { ["loss"] = l.item<float>() };
    }

    /// <summary>One pass over <paramref name="batches"/> in training mode; returns the mean "loss" per sample.</summary>
    public static IReadOnlyDictionary<string, double> Epoch(Autoencoder model, optim.Optimizer optimizer, IEnumerable<(Tensor X, Tensor y)> batches,
        ReconstructionLoss loss = ReconstructionLoss.Bce, Func<Tensor, Tensor>? corrupt = null,
        int epoch = 1, Action<int, IReadOnlyDictionary<string, double>>? onStep = null)
    {
        model.train();
        return EpochRunner.Run(batches, (X, _) => Step(model, optimizer, X, loss, corrupt), epoch, onStep);
    }

    /// <summary>Mean reconstruction BCE (nats) and MSE (squared error summed over pixels) per sample, in eval mode
    /// without a graph. With <paramref name="corrupt"/> the inputs are corrupted and the clean images are the targets.</summary>
    public static (double Bce, double Mse) Evaluate(Autoencoder model, IEnumerable<(Tensor X, Tensor y)> batches, Func<Tensor, Tensor>? corrupt = null)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var device = ModelDevice.Of(model);
            var means = EpochRunner.Run(batches, (X, _) =>
            {
                var x = X.to(device);
                var logits = model.call(corrupt?.Invoke(x) ?? x);
                var target = x.flatten(1);
                return new Dictionary<string, double>
                {
                    ["bce"] = functional.binary_cross_entropy_with_logits(logits, target, reduction: Reduction.Sum).item<float>(),
                    ["mse"] = functional.mse_loss(functional.sigmoid(logits), target, Reduction.Sum).item<float>(),
                };
            });
            return (means.GetValueOrDefault("bce"), means.GetValueOrDefault("mse"));
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
