using System.Collections;
using NotebookKit.Interactive;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Data;

/// <summary>
/// Mini-batches <c>(X, y)</c> over an <see cref="ImageDataset"/>: <c>X</c> <c>(B, 1, H, W)</c> float32 scaled as
/// asked, <c>y</c> <c>(B)</c> int64. PyTorch: <c>DataLoader(dataset, batch_size=128, shuffle=True, drop_last=False,
/// generator=torch.Generator().manual_seed(seed))</c>.
/// </summary>
/// <remarks>
/// <para>Unshuffled, batch b is <c>narrow(0, b·B, B)</c> of the dataset; shuffled, it is <c>index_select</c> of the
/// b-th slice of a permutation <c>randperm(N)</c> drawn from the loader's own <see cref="torch.Generator"/>, one new
/// permutation each time enumeration starts (each epoch). The same seed gives the same sequence of epochs on every
/// run, whatever else draws random numbers meanwhile (model init, dropout).</para>
/// <para>Each batch is created in the dispose scope current when it is produced (the enumerator's <c>MoveNext</c>),
/// and nothing else is: the permutation and other intermediates never land in the caller's scope. So a step scope
/// opened <em>before</em> <c>MoveNext</c> frees the batch with everything else (the loop below, or a training helper
/// doing the same). In a plain <c>foreach</c> the batch exists before the body's scope opens: it belongs to an outer
/// scope if there is one, else it is an ordinary tensor that the GC finalizes. Batches are copies, never views of
/// the dataset: an in-place op on a batch (<c>X.add_(noise)</c>) cannot change the data.</para>
/// </remarks>
/// <example><code>
/// var trainLoader = new DataLoader(FashionMnist.Load(), batchSize: 128, shuffle: true, seed: 0);
/// for (int epoch = 0; epoch &lt; numEpochs; epoch++)
/// {
///     using var batches = trainLoader.GetEnumerator();
///     while (true)
///     {
///         using var scope = torch.NewDisposeScope();   // before MoveNext: the scope owns the batch too
///         if (!batches.MoveNext()) break;
///         var (X, y) = batches.Current;                 // X: (128, 1, 28, 28) in [0, 1], y: (128)
///         ...
///     }
/// }
/// </code></example>
public sealed class DataLoader : IEnumerable<(Tensor X, Tensor y)>
{
    private readonly Generator? generator;

    /// <param name="dataset">The samples to batch.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="shuffle">Reshuffle at the start of every epoch; otherwise dataset order.</param>
    /// <param name="dropLast">Drop the last batch if it is smaller than <paramref name="batchSize"/>.</param>
    /// <param name="seed">Seed of the loader's generator (used only when shuffling).</param>
    /// <param name="scale">Pixel range of <c>X</c>: [0, 1] (default) or [-1, 1] for generators ending in tanh.</param>
    public DataLoader(ImageDataset dataset, int batchSize, bool shuffle = false, bool dropLast = false, long seed = 0,
        PixelScale scale = PixelScale.ZeroToOne)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"DataLoader: batchSize must be at least 1, got {batchSize}.");
        if (!Enum.IsDefined(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), $"DataLoader: unknown scale {scale}; use PixelScale.ZeroToOne or MinusOneToOne.");
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Seed = seed;
        Scale = scale;
        if (shuffle) generator = new Generator(unchecked((ulong)seed));
    }

    public ImageDataset Dataset { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    public bool DropLast { get; }

    public long Seed { get; }

    public PixelScale Scale { get; }

    /// <summary>Batches per epoch (PyTorch: <c>len(loader)</c>): ⌈N / B⌉, or ⌊N / B⌋ with drop-last.</summary>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch: draws this epoch's order, then yields <see cref="Count"/> batches.</summary>
    public IEnumerator<(Tensor X, Tensor y)> GetEnumerator()
    {
        // Each enumeration owns its permutation, outside every dispose scope, for the whole epoch.
        var order = Shuffle ? randperm(Dataset.Count, generator: generator).DetachFromDisposeScope() : null;
        try
        {
            int n = Count;
            for (int b = 0; b < n; b++)
            {
                KernelInterrupt.ThrowIfInterrupted(); // a timed-out notebook cell stops at the next batch
                long start = (long)b * BatchSize;
                yield return MakeBatch(order, start, Math.Min(BatchSize, Dataset.Count - start));
            }
        }
        finally
        {
            order?.Dispose();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"DataLoader({Dataset.Name}, batchSize: {BatchSize}, shuffle: {Shuffle}, dropLast: {DropLast}, seed: {Seed}, " +
        $"scale: {Scale}) — {Count} batches";

    // A scope opened and closed within one MoveNext: intermediates die here, the batch moves to the caller's scope.
    private (Tensor X, Tensor y) MakeBatch(Tensor? order, long start, long length)
    {
        using var scope = NewDisposeScope();
        Tensor X, y;
        if (order is null)
        {
            X = Dataset.X.narrow(0, start, length);
            y = Dataset.y.narrow(0, start, length).clone();
        }
        else
        {
            var idx = order.narrow(0, start, length);
            X = Dataset.X.index_select(0, idx);
            y = Dataset.y.index_select(0, idx);
        }
        X = Scale switch
        {
            PixelScale.MinusOneToOne => X.mul(2).sub_(1),       // (p/255 − 0.5) / 0.5 = p/127.5 − 1
            _ => order is null ? X.clone() : X,                 // a copy, so in-place ops cannot reach the dataset
        };
        return scope.MoveToOuter(X, y);
    }
}
