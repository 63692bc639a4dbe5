using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

/// <summary>Checks the MNIST files fetched by environment/fetch-data.sh (skipped when they are absent).</summary>
[Collection(RealDataCollection.Name)]
public class MnistTests
{
    [RequiresDataFact("mnist")]
    public void CountsMatchTheSourceInUse()
    {
        var train = Mnist.Load(train: true);
        var test = Mnist.Load(train: false);
        if (Mnist.IsCanonical())
        {
            Assert.Equal((60000, 10000), (train.Count, test.Count));
            return;
        }
        // The npm subset, split as MnistDigitsConverter and data/README.md document.
        Assert.Equal((8495, 1505), (train.Count, test.Count));
        Assert.Equal([850, 957, 842, 877, 833, 733, 861, 909, 802, 831], FashionMnistTests.Histogram(train.Labels));
        Assert.Equal([151, 170, 149, 155, 147, 130, 153, 161, 142, 147], FashionMnistTests.Histogram(test.Labels));
        Assert.Equal(0, train.Pixels.ToArray().Min());
        Assert.Equal(255, train.Pixels.ToArray().Max());
        Assert.NotEqual(train.Labels.Order(), train.Labels); // shuffled, not sorted by digit
    }
}
