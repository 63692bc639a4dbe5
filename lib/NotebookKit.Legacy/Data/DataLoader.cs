using System.Collections;
using NotebookKit.Tensors;

namespace NotebookKit.Data;

/// <summary>
/// Mini-batches over an <see cref="ImageDataset"/>, optionally reshuffled at the start of every epoch.
/// PyTorch: <c>DataLoader(dataset, batch_size=128, shuffle=True, drop_last=False, generator=g)</c>.
/// </summary>
/// <remarks>
/// <para>Shuffling draws one permutation from <c>generator</c> each time enumeration starts (each epoch),
/// so <c>new Generator(seed)</c> gives the same sequence of epochs on every run and machine; without a
/// generator, <see cref="Torch.DefaultGenerator"/> is used (seed it with <see cref="Torch.ManualSeed"/>).</para>
/// <para>Outside a dispose scope every batch is a new tensor that nothing else touches: a batch escapes the loop
/// more often than one thinks — kept for plotting (<c>lastX = X</c>), collected with <c>ToList()</c>, or held by an
/// autograd graph that is still alive — and silently reusing its storage would change those tensors. Inside a
/// <see cref="DisposeScope"/> (open when the batch is produced, i.e. around the enumerator's <c>MoveNext</c>) the
/// batch's storage comes from the pool and goes back when the scope ends, like every other tensor there; a batch
/// used after that throws instead of showing other data. <c>VaeTraining.TrainEpoch</c> works this way.
/// What is always shared is the dataset's bytes (never copied) and a 256-entry byte→float lookup table.</para>
/// </remarks>
/// <example><code>
/// var trainLoader = new DataLoader(FashionMnist.Load(), batchSize: 128, shuffle: true, generator: new Generator(0));
/// for (int epoch = 0; epoch &lt; numEpochs; epoch++)
///     foreach (var (X, y) in trainLoader)   // X: (128, 1, 28, 28) in [0, 1]
///         ...
/// </code></example>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Generator? generator;

    /// <param name="dataset">The samples to batch.</param>
    /// <param name="batchSize">Samples per batch (default 1, as in PyTorch).</param>
    /// <param name="shuffle">Reshuffle at the start of every epoch; otherwise dataset order.</param>
    /// <param name="dropLast">Drop the last batch if it is smaller than <paramref name="batchSize"/>.</param>
    /// <param name="generator">Source of the shuffles; default <see cref="Torch.DefaultGenerator"/>.</param>
    /// <param name="scale">Pixel range of <c>X</c>: [0, 1] (default) or [-1, 1] for tanh generators.</param>
    public DataLoader(ImageDataset dataset, int batchSize = 1, bool shuffle = false, bool dropLast = false,
        Generator? generator = null, PixelScale scale = PixelScale.ZeroToOne)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"DataLoader: batchSize must be at least 1, got {batchSize}.");
        if (!Enum.IsDefined(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), $"DataLoader: unknown scale {scale}.");
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Scale = scale;
        this.generator = shuffle ? generator ?? Torch.DefaultGenerator : generator;
    }

    public ImageDataset Dataset { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    public bool DropLast { get; }

    public PixelScale Scale { get; }

    /// <summary>Batches per epoch (PyTorch: <c>len(loader)</c>): ⌈N / B⌉, or ⌊N / B⌋ with drop-last.</summary>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch: draws this epoch's order, then yields <see cref="Count"/> batches.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        // Each enumeration owns its order, so two loops over one loader cannot disturb each other.
        var epoch = Shuffle ? generator!.Permutation(Dataset.Count) : Enumerable.Range(0, Dataset.Count).ToArray();
        int n = Count;
        for (int b = 0; b < n; b++)
        {
            Interactive.KernelInterrupt.ThrowIfInterrupted(); // a timed-out notebook cell stops at the next batch
            int start = b * BatchSize;
            yield return MakeBatch(epoch.AsSpan(start, Math.Min(BatchSize, epoch.Length - start)));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"DataLoader({Dataset.Name}, batchSize: {BatchSize}, shuffle: {Shuffle}, dropLast: {DropLast}, scale: {Scale}) — {Count} batches";

    private Batch MakeBatch(ReadOnlySpan<int> indices)
    {
        int h = Dataset.Height, w = Dataset.Width, size = h * w;
        var x = Tensor.NewDataUninitialized(indices.Length * size); // every pixel is written
        var y = new int[indices.Length];
        var labels = Dataset.Labels;
        for (int j = 0; j < indices.Length; j++)
        {
            int i = indices[j];
            ImageDataset.Scale(Dataset.pixels.AsSpan(i * size, size), x.AsSpan(j * size, size), Scale);
            y[j] = labels[i];
        }
        return new Batch(Tensor.Owning([indices.Length, 1, h, w], x, "DataLoader"), y, indices.ToArray());
    }
}
