using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

/// <summary>Checks the real files fetched by environment/fetch-data.sh (skipped when they are absent).</summary>
[Collection(RealDataCollection.Name)]
public class FashionMnistTests
{
    [RequiresDataFact("fashion-mnist")]
    public void TrainHas60000ImagesWith6000PerClass()
    {
        var train = FashionMnist.Load(train: true);
        Assert.Equal(60000, train.Count);
        Assert.Equal((28, 28), (train.Height, train.Width));
        Assert.Equal(Enumerable.Repeat(6000, 10), Histogram(train.Labels));
        Assert.Equal("Ankle boot", train.Classes[9]);
        Assert.Equal(0, train.Pixels.ToArray().Min());
        Assert.Equal(255, train.Pixels.ToArray().Max());
    }

    [RequiresDataFact("fashion-mnist")]
    public void TestHas10000ImagesWith1000PerClass()
    {
        var test = FashionMnist.Load(train: false);
        Assert.Equal(10000, test.Count);
        Assert.Equal(Enumerable.Repeat(1000, 10), Histogram(test.Labels));
    }

    [RequiresDataFact("fashion-mnist")]
    public void LoaderOverRealDataGivesScaledBatches()
    {
        var loader = new DataLoader(FashionMnist.Load(train: false).Take(1000), batchSize: 128, shuffle: true,
            generator: new NotebookKit.Tensors.Generator(0), scale: PixelScale.MinusOneToOne);
        Assert.Equal(8, loader.Count);
        var (X, y) = loader.First();
        Assert.Equal([128, 1, 28, 28], X.Shape);
        Assert.Equal(128, y.Length);
        var v = X.ToArray();
        Assert.Equal(-1f, v.Min());
        Assert.Equal(1f, v.Max());
        // Fashion-MNIST is mostly background: the mean pixel sits well below the middle of the range.
        Assert.InRange(v.Average(), -0.7, -0.2);
    }

    internal static int[] Histogram(int[] labels)
    {
        var h = new int[10];
        foreach (var l in labels) h[l]++;
        return h;
    }
}
