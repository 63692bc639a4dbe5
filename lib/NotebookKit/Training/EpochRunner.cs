using NotebookKit.Interactive;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Training;

/// <summary>
/// The epoch loop the training helpers share. Each step runs in a dispose scope opened before the batch is drawn,
/// so the batch's tensors and every tensor of the step are freed before the next batch: memory stays flat over an
/// epoch. The step returns its loss terms summed over the batch; the runner sums them, checks that each is finite
/// (a NaN or ∞ stops training with the epoch, batch and term named), lets the kernel interrupt between steps, and
/// returns the mean of each term per sample.
/// </summary>
public static class EpochRunner
{
    /// <param name="batches">The epoch's (X, y) batches: a DataLoader or any list of tensor pairs; X's first dimension counts the samples.</param>
    /// <param name="step">Trains (or evaluates) on one batch; returns each loss term summed over the batch, e.g. {"loss", "recon", "kl"}.</param>
    /// <param name="epoch">The epoch's number, for error messages (1-based by convention).</param>
    /// <param name="onStep">Called after each step with the batch index (0-based) and the batch's terms per sample, e.g. to report progress.</param>
    /// <returns>Each term's mean per sample over the epoch (Σ terms / Σ N); empty when there were no batches.</returns>
    public static IReadOnlyDictionary<string, double> Run(
        IEnumerable<(Tensor X, Tensor y)> batches,
        Func<Tensor, Tensor, IReadOnlyDictionary<string, double>> step,
        int epoch = 1,
        Action<int, IReadOnlyDictionary<string, double>>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(step);
        var sums = new Dictionary<string, double>();
        long samples = 0;
        using var batch = batches.GetEnumerator();
        for (int index = 0; ; index++)
        {
            KernelInterrupt.ThrowIfInterrupted();
            IReadOnlyDictionary<string, double> terms;
            long n;
            using (var scope = NewDisposeScope()) // opened before MoveNext, so it owns the batch too
            {
                if (!batch.MoveNext()) break;
                var (X, y) = batch.Current;
                n = X.shape[0];
                terms = step(X, y);
            }
            ScalarReclaim.AfterStep();
            CheckFinite(terms, epoch, index);
            foreach (var (name, value) in terms) sums[name] = sums.GetValueOrDefault(name) + value;
            samples += n;
            onStep?.Invoke(index, terms.ToDictionary(t => t.Key, t => t.Value / Math.Max(n, 1)));
        }
        return sums.ToDictionary(t => t.Key, t => t.Value / Math.Max(samples, 1));
    }

    private static void CheckFinite(IReadOnlyDictionary<string, double> terms, int epoch, int index)
    {
        foreach (var (name, value) in terms)
        {
            if (double.IsFinite(value)) continue;
            var all = string.Join(", ", terms.Select(t => $"{t.Key} = {t.Value:G6}"));
            throw new ArithmeticException(
                $"Training diverged in epoch {epoch}, batch {index} (0-based): the term '{name}' is {value} ({all}). " +
                "Lower the learning rate (e.g. lr / 10) and restart from a fresh model; check that the inputs are in [0, 1].");
        }
    }
}
