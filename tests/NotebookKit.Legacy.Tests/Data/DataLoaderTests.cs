using NotebookKit.Data;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Data;

public class DataLoaderTests
{
    // Sample i has every pixel equal to i and label i % 10, so a batch reveals which samples it holds.
    private static ImageDataset Numbered(int n, int side = 2)
    {
        var px = new byte[n * side * side];
        for (int i = 0; i < n; i++) px.AsSpan(i * side * side, side * side).Fill((byte)i);
        return new ImageDataset(px, Enumerable.Range(0, n).Select(i => i % 10).ToArray(), side, side, name: "numbered");
    }

    private static int[] SampleIds(Batch b) =>
        Enumerable.Range(0, b.Count).Select(j => (int)Math.Round(b.X.At(j, 0, 0, 0) * 255)).ToArray();

    [Theory]
    [InlineData(10, 3, false, 4, 1)]
    [InlineData(10, 3, true, 3, 3)]
    [InlineData(9, 3, false, 3, 3)]
    [InlineData(9, 3, true, 3, 3)]
    [InlineData(2, 5, false, 1, 2)]
    [InlineData(2, 5, true, 0, 0)]
    public void BatchCountWithAndWithoutDropLast(int n, int batchSize, bool dropLast, int batches, int lastSize)
    {
        var loader = new DataLoader(Numbered(n), batchSize, dropLast: dropLast);
        var all = loader.ToList();
        Assert.Equal(batches, loader.Count);
        Assert.Equal(batches, all.Count);
        if (batches > 0) Assert.Equal(lastSize, all[^1].Count);
        Assert.All(all.SkipLast(1), b => Assert.Equal(batchSize, b.Count));
    }

    [Fact]
    public void BatchesHaveImageShapeAndMatchingLabels()
    {
        var (X, y) = new DataLoader(Numbered(10), batchSize: 4).First();
        Assert.Equal([4, 1, 2, 2], X.Shape);
        Assert.Equal([0, 1, 2, 3], y);
        Assert.Equal([4, 4], X.Flatten(1).Shape);
    }

    [Fact]
    public void EveryIndexSeenExactlyOncePerEpoch()
    {
        var loader = new DataLoader(Numbered(103), batchSize: 10, shuffle: true, generator: new Generator(5));
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = loader.SelectMany(b =>
            {
                var ids = SampleIds(b);
                Assert.Equal(ids, b.Indices);
                Assert.Equal(ids.Select(i => i % 10), b.Y); // labels travel with their images
                return ids;
            }).ToList();
            Assert.Equal(Enumerable.Range(0, 103), seen.Order());
        }
    }

    [Fact]
    public void DropLastLeavesOutOnlyTheRemainder()
    {
        var loader = new DataLoader(Numbered(103), batchSize: 10, shuffle: true, dropLast: true, generator: new Generator(5));
        var seen = loader.SelectMany(SampleIds).ToList();
        Assert.Equal(100, seen.Count);
        Assert.Equal(100, seen.Distinct().Count());
    }

    [Fact]
    public void UnshuffledKeepsDatasetOrder()
    {
        var seen = new DataLoader(Numbered(25), batchSize: 7).SelectMany(SampleIds);
        Assert.Equal(Enumerable.Range(0, 25), seen);
    }

    [Fact]
    public void SameSeedSameBatchesEveryEpoch()
    {
        var a = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, generator: new Generator(42));
        var b = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, generator: new Generator(42));
        var a1 = a.SelectMany(SampleIds).ToList();
        var a2 = a.SelectMany(SampleIds).ToList();
        Assert.Equal(a1, b.SelectMany(SampleIds));
        Assert.Equal(a2, b.SelectMany(SampleIds));
        Assert.NotEqual(a1, a2); // reshuffled each epoch
    }

    [Fact]
    public void DifferentSeedsDiffer()
    {
        var a = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, generator: new Generator(1)).SelectMany(SampleIds);
        var b = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, generator: new Generator(2)).SelectMany(SampleIds);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void WithoutAGeneratorShufflesFromTheSeededDefault()
    {
        Torch.ManualSeed(7);
        var a = new DataLoader(Numbered(50), batchSize: 8, shuffle: true).SelectMany(SampleIds).ToList();
        Torch.ManualSeed(7);
        var b = new DataLoader(Numbered(50), batchSize: 8, shuffle: true).SelectMany(SampleIds).ToList();
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(PixelScale.ZeroToOne, 0f, 1f)]
    [InlineData(PixelScale.MinusOneToOne, -1f, 1f)]
    public void ScalingMapsZeroAnd255ToTheEnds(PixelScale scale, float low, float high)
    {
        var px = new byte[256];
        for (int i = 0; i < 256; i++) px[i] = (byte)i;
        var ds = new ImageDataset(px, [0], 16, 16);
        var x = new DataLoader(ds, batchSize: 1, scale: scale).Single().X.ToArray();
        Assert.Equal(low, x[0]);
        Assert.Equal(high, x[255]);
        Assert.All(x, v => Assert.InRange(v, low, high));
        Assert.Equal(x.Order(), x); // monotone
        Assert.Equal(low + (high - low) * 128 / 255f, x[128], 5);
    }

    [Fact]
    public void EachBatchIsANewTensor()
    {
        // Batches are not recycled: a batch kept from the loop must keep its values.
        var batches = new DataLoader(Numbered(6), batchSize: 2).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], batches.SelectMany(SampleIds));
    }

    [Fact]
    public void RejectsBadBatchSize()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(5), batchSize: 0));
        Assert.Contains("batchSize must be at least 1, got 0", e.Message);
    }
}
