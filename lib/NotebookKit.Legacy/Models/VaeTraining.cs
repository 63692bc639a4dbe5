using NotebookKit.Data;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// The training-loop plumbing for <see cref="Vae"/> that the CLI, the benchmark and later notebooks share.
/// Notebook 03 writes the same step out by hand where it explains it: zero grads → forward → −ELBO → backward → step.
/// </summary>
public static class VaeTraining
{
    /// <summary>One optimisation step on a batch; returns the batch's summed negative ELBO. The step's tensors live in a
    /// dispose scope, so their buffers are reused by the next step.</summary>
    public static float Step(Vae vae, Optimizer optimizer, Tensor x, float beta = 1f)
    {
        using var scope = Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var (logits, mu, logVar) = vae.Forward3(x);
        var (loss, _, _) = Vae.NegativeElbo(logits, x, mu, logVar, beta);
        loss.Backward();
        optimizer.Step();
        return loss.Item();
    }

    /// <summary>One pass over <paramref name="loader"/> in training mode; returns the mean negative ELBO per sample (nats).
    /// Each batch is drawn inside its step's dispose scope, so in steady state an epoch allocates almost nothing.</summary>
    public static float TrainEpoch(Vae vae, Optimizer optimizer, DataLoader loader, float beta = 1f)
    {
        vae.Train();
        return ScopedEpoch.MeanLoss(loader, batch => Step(vae, optimizer, batch.X, beta));
    }

    /// <summary>
    /// Mean negative ELBO per sample (nats) over a dataset, in batches, without building a graph.
    /// </summary>
    /// <remarks>The PyTorch reference samples z in eval mode too (its forward has no train/eval switch), so
    /// <paramref name="sampleLatent"/> defaults to true to measure the same one-sample ELBO estimate.</remarks>
    public static float Evaluate(Vae vae, ImageDataset data, int batchSize = 1000, bool sampleLatent = true)
    {
        using var scope = Torch.NewDisposeScope(); // the images, and each batch's tensors below, are pooled
        var images = data.ToTensor(PixelScale.ZeroToOne).Flatten(1);
        bool wasTraining = vae.Training;
        vae.Eval();
        double total = 0;
        using (Torch.NoGrad())
        {
            for (int i = 0; i < data.Count; i += batchSize)
            {
                using var batchScope = Torch.NewDisposeScope();
                var x = images.Narrow(0, i, Math.Min(batchSize, data.Count - i));
                var (logits, mu, logVar) = vae.Forward3(x, sampleLatent);
                total += Vae.NegativeElbo(logits, x, mu, logVar).Loss.Item();
            }
        }
        vae.Train(wasTraining);
        return (float)(total / Math.Max(data.Count, 1));
    }
}
