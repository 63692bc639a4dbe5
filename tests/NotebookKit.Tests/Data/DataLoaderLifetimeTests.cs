using NotebookKit.Data;
using static NotebookKit.Tests.Data.ImageDatasetTests;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Data;

/// <summary>Counts live tensors across a training-style loop: each step's scope must free everything the loader made.</summary>
[Collection(TensorLifetimeCollection.Name)]
public class DataLoaderLifetimeTests
{
    [Theory]
    [InlineData(false, PixelScale.ZeroToOne)]
    [InlineData(true, PixelScale.MinusOneToOne)]
    public void AnEpochOfScopedStepsLeavesNoLiveTensors(bool shuffle, PixelScale scale)
    {
        using var ds = Numbered(50);
        var loader = new DataLoader(ds, batchSize: 8, shuffle: shuffle, seed: 1, scale: scale);
        Settle();
        long before = Tensor.TotalCount;
        int steps = 0;
        for (int epoch = 0; epoch < 3; epoch++)
        {
            using var batches = loader.GetEnumerator();
            while (true)
            {
                using var scope = NewDisposeScope(); // opened before MoveNext, so it owns the batch too
                if (!batches.MoveNext()) break;
                var (X, y) = batches.Current;
                X.sum().add_(y.sum());               // a stand-in for the step's work
                steps++;
            }
        }
        long after = Tensor.TotalCount;
        Assert.Equal(3 * 7, steps);
        Assert.Equal(before, after);
    }

    // Tensors other tests dropped without disposing are finalized now, not while this test counts.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
