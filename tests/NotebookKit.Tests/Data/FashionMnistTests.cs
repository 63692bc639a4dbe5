using NotebookKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Data;

/// <summary>Checks the real files fetched by environment/fetch-data.sh (skipped when they are absent).</summary>
[Collection(RealDataCollection.Name)]
public class FashionMnistTests
{
    [RequiresDataFact("fashion-mnist")]
    public void TrainHas60000ImagesWith6000PerClassInUnitRange()
    {
        using var train = FashionMnist.Load(train: true);
        Assert.Equal(60000, train.Count);
        Assert.Equal([60000L, 1, 28, 28], train.X.shape);
        Assert.Equal(Enumerable.Repeat(6000L, 10), Histogram(train.y));
        Assert.Equal("Ankle boot", train.Classes[9]);
        Assert.Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5], train.y[..10].data<long>().ToArray());
        Assert.Equal((0f, 1f), (train.X.min().item<float>(), train.X.max().item<float>()));
        // The mean pixel of the raw bytes / 255, read independently from the .gz files.
        Assert.Equal(0.2860406, train.X.mean().item<float>(), 1e-5);
    }

    [RequiresDataFact("fashion-mnist")]
    public void TestHas10000ImagesWith1000PerClass()
    {
        using var test = FashionMnist.Load(train: false);
        Assert.Equal(10000, test.Count);
        Assert.Equal(Enumerable.Repeat(1000L, 10), Histogram(test.y));
    }

    [RequiresDataFact("fashion-mnist")]
    public void FirstImagesMatchTheBytesPythonReads()
    {
        // Σp and Σ(i+1)·p over the 784 bytes of image 0, as Python's gzip reads them (and the first-round engine's IdxReader did).
        using var train = FashionMnist.Load(train: true);
        using var test = FashionMnist.Load(train: false);
        Assert.Equal((76247L, 35954273L), Checksum(train.X[0]));
        Assert.Equal((33456L, 16008570L), Checksum(test.X[0]));
    }

    [RequiresDataFact("fashion-mnist")]
    public void LoaderOverRealDataGivesScaledBatches()
    {
        using var test = FashionMnist.Load(train: false).Take(1000);
        var loader = new DataLoader(test, batchSize: 128, shuffle: true, seed: 0, scale: PixelScale.MinusOneToOne);
        Assert.Equal(8, loader.Count);
        var (X, y) = loader.First();
        Assert.Equal([128L, 1, 28, 28], X.shape);
        Assert.Equal([128L], y.shape);
        Assert.Equal((-1f, 1f), (X.min().item<float>(), X.max().item<float>()));
        // Fashion-MNIST is mostly background: the mean pixel sits well below the middle of the range.
        Assert.InRange(X.mean().item<float>(), -0.7, -0.2);
    }

    internal static long[] Histogram(Tensor y) => y.bincount(null, 10).data<long>().ToArray();

    internal static (long Sum, long Weighted) Checksum(Tensor image)
    {
        using var scope = NewDisposeScope();
        var p = image.flatten().mul(255).round().to_type(ScalarType.Int64);
        var w = arange(1, p.shape[0] + 1, dtype: ScalarType.Int64);
        return (p.sum().item<long>(), p.mul(w).sum().item<long>());
    }
}
