using NotebookKit.Data;
using NotebookKit.NN;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Models;

/// <summary>
/// The training loop of <see cref="Autoencoder"/>, in the style of <see cref="VaeTraining"/>: losses are summed over pixels
/// and reported per sample (nats for BCE, squared pixel units for MSE). A <c>corrupt</c> function (e.g.
/// <c>x => Corruption.Gaussian(x, 0.3f, g)</c>) makes it a denoising autoencoder: input corrupt(x), target x.
/// </summary>
public static class AutoencoderTraining
{
    /// <summary>The batch's summed loss between the reconstruction of <paramref name="input"/> and <paramref name="target"/> (both (N, D) or (N, 1, H, W)).</summary>
    public static Tensor Loss(Autoencoder ae, Tensor input, Tensor target, ReconstructionLoss loss = ReconstructionLoss.Bce)
    {
        var logits = ae.DecodeLogits(ae.Encode(input));
        var y = target.Dim > 2 ? target.Flatten(1) : target;
        return loss switch
        {
            ReconstructionLoss.Bce => F.BinaryCrossEntropyWithLogits(logits, y, Reduction.Sum),
            ReconstructionLoss.Mse => F.MseLoss(logits.Sigmoid(), y, Reduction.Sum),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), $"AutoencoderTraining: unknown loss {loss}."),
        };
    }

    /// <summary>One optimisation step; returns the batch's summed loss. The step's tensors live in a dispose scope, so their
    /// buffers are reused by the next step.</summary>
    public static float Step(Autoencoder ae, Optimizer optimizer, Tensor x, ReconstructionLoss loss = ReconstructionLoss.Bce,
        Func<Tensor, Tensor>? corrupt = null)
    {
        using var scope = Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var l = Loss(ae, corrupt?.Invoke(x) ?? x, x, loss);
        l.Backward();
        optimizer.Step();
        return l.Item();
    }

    /// <summary>One pass over <paramref name="loader"/> in training mode; returns the mean loss per sample.</summary>
    public static float TrainEpoch(Autoencoder ae, Optimizer optimizer, DataLoader loader, ReconstructionLoss loss = ReconstructionLoss.Bce,
        Func<Tensor, Tensor>? corrupt = null)
    {
        ae.Train();
        return ScopedEpoch.MeanLoss(loader, batch => Step(ae, optimizer, batch.X, loss, corrupt));
    }

    /// <summary>Mean reconstruction BCE (nats) and MSE (squared error summed over pixels) per sample over a dataset, batched, without a graph.
    /// With <paramref name="corrupt"/>, the inputs are corrupted and the clean images are the targets.</summary>
    public static (float Bce, float Mse) Evaluate(Autoencoder ae, ImageDataset data, int batchSize = 1000, Func<Tensor, Tensor>? corrupt = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var images = data.Images.Flatten(1);
        bool wasTraining = ae.Training;
        ae.Eval();
        double bce = 0, mse = 0;
        using (Torch.NoGrad())
        {
            for (int i = 0; i < data.Count; i += batchSize)
            {
                using var batchScope = Torch.NewDisposeScope(); // each batch's tensors are pooled
                var x = images.Narrow(0, i, Math.Min(batchSize, data.Count - i));
                var logits = ae.DecodeLogits(ae.Encode(corrupt?.Invoke(x) ?? x));
                bce += F.BinaryCrossEntropyWithLogits(logits, x, Reduction.Sum).Item();
                mse += F.MseLoss(logits.Sigmoid(), x, Reduction.Sum).Item();
            }
        }
        ae.Train(wasTraining);
        return ((float)(bce / Math.Max(data.Count, 1)), (float)(mse / Math.Max(data.Count, 1)));
    }
}
