using NotebookKit.Data;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// The epoch loop the training helpers share. Each batch is produced and trained on inside its own dispose scope, so
/// the batch's storage and every tensor of the step go back to the pool before the next batch is drawn: after the first
/// steps an epoch allocates almost nothing.
/// </summary>
internal static class ScopedEpoch
{
    /// <summary>Runs <paramref name="step"/> (which returns the batch's summed loss) on every batch of one epoch; returns
    /// the mean loss per sample.</summary>
    public static float MeanLoss(DataLoader loader, Func<Batch, float> step)
    {
        double total = 0;
        int n = 0;
        using var batches = loader.GetEnumerator();
        while (true)
        {
            using var scope = Torch.NewDisposeScope(); // opened before MoveNext, so it owns the batch too
            if (!batches.MoveNext()) break;
            total += step(batches.Current);
            n += batches.Current.Count;
        }
        return (float)(total / Math.Max(n, 1));
    }
}
