using NotebookKit.Data;
using TorchSharp;
using static NotebookKit.Tests.Data.ImageDatasetTests;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Data;

public class DataLoaderTests
{
    private static List<long[]> Epoch(DataLoader loader) => loader.Select(b => SampleIds(b.X)).ToList();

    [Theory]
    [InlineData(10, 3, false, 4, 1)]
    [InlineData(10, 3, true, 3, 3)]
    [InlineData(9, 3, false, 3, 3)]
    [InlineData(9, 3, true, 3, 3)]
    [InlineData(2, 5, false, 1, 2)]
    [InlineData(2, 5, true, 0, 0)]
    public void BatchCountWithAndWithoutDropLast(int n, int batchSize, bool dropLast, int batches, int lastSize)
    {
        var loader = new DataLoader(Numbered(n), batchSize, shuffle: true, dropLast: dropLast);
        var sizes = loader.Select(b => (int)b.X.shape[0]).ToList();
        Assert.Equal(batches, loader.Count);
        Assert.Equal(batches, sizes.Count);
        if (batches > 0) Assert.Equal(lastSize, sizes[^1]);
        Assert.All(sizes.SkipLast(1), s => Assert.Equal(batchSize, s));
    }

    [Fact]
    public void BatchesHaveImageShapeAndMatchingLabels()
    {
        var (X, y) = new DataLoader(Numbered(10), batchSize: 4).First();
        Assert.Equal([4L, 1, 2, 2], X.shape);
        Assert.Equal(ScalarType.Float32, X.dtype);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.Equal([0L, 1, 2, 0], y.data<long>().ToArray());
    }

    [Fact]
    public void EveryIndexSeenExactlyOncePerEpochWithItsLabel()
    {
        var loader = new DataLoader(Numbered(103), batchSize: 10, shuffle: true, seed: 5);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = loader.SelectMany(b =>
            {
                var ids = SampleIds(b.X);
                Assert.Equal(ids.Select(i => i % 3), b.y.data<long>().ToArray()); // labels travel with their images
                return ids;
            }).ToList();
            Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), seen.Order());
            Assert.NotEqual(seen.Order(), seen); // shuffled
        }
    }

    [Fact]
    public void DropLastLeavesOutOnlyTheRemainder()
    {
        var loader = new DataLoader(Numbered(103), batchSize: 10, shuffle: true, dropLast: true, seed: 5);
        var seen = Epoch(loader).SelectMany(ids => ids).ToList();
        Assert.Equal(100, seen.Count);
        Assert.Equal(100, seen.Distinct().Count());
    }

    [Fact]
    public void UnshuffledKeepsDatasetOrder()
    {
        var seen = Epoch(new DataLoader(Numbered(25), batchSize: 7)).SelectMany(ids => ids);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), seen);
    }

    [Fact]
    public void SameSeedSameBatchesEveryEpochWhateverElseDraws()
    {
        var a = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, seed: 42);
        var b = new DataLoader(Numbered(50), batchSize: 8, shuffle: true, seed: 42);
        var a1 = Epoch(a).SelectMany(ids => ids).ToList();
        var a2 = Epoch(a).SelectMany(ids => ids).ToList();
        torch.manual_seed(123);
        using (var noise = randn(1000)) { } // the global generator moves; the loader's own does not
        Assert.Equal(a1, Epoch(b).SelectMany(ids => ids));
        Assert.Equal(a2, Epoch(b).SelectMany(ids => ids));
        Assert.NotEqual(a1, a2); // reshuffled each epoch
    }

    [Fact]
    public void DifferentSeedsDiffer()
    {
        var a = Epoch(new DataLoader(Numbered(50), batchSize: 8, shuffle: true, seed: 1)).SelectMany(ids => ids);
        var b = Epoch(new DataLoader(Numbered(50), batchSize: 8, shuffle: true, seed: 2)).SelectMany(ids => ids);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(PixelScale.ZeroToOne, false)]
    [InlineData(PixelScale.ZeroToOne, true)]
    [InlineData(PixelScale.MinusOneToOne, false)]
    [InlineData(PixelScale.MinusOneToOne, true)]
    public void ScaleMapsEveryByteAsTheFormulaSays(PixelScale scale, bool shuffle)
    {
        // One 16×16 image holding the bytes 0..255 as p / 255.
        var ds = new ImageDataset(arange(256, dtype: float32).div(255).view(1, 1, 16, 16), zeros(1, dtype: int64));
        var x = new DataLoader(ds, batchSize: 1, shuffle: shuffle, scale: scale).Single().X.flatten().data<float>().ToArray();
        var expected = Enumerable.Range(0, 256).Select(p => scale == PixelScale.ZeroToOne ? p / 255f : p / 127.5f - 1f).ToArray();
        for (int p = 0; p < 256; p++) Assert.Equal(expected[p], x[p], 1e-6f);
        Assert.Equal(expected[0], x[0]);     // the ends are exact: 0 and 1, or -1 and 1
        Assert.Equal(expected[255], x[255]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InPlaceOpsOnABatchCannotChangeTheDataset(bool shuffle)
    {
        var ds = Numbered(4);
        foreach (var (X, _) in new DataLoader(ds, batchSize: 2, shuffle: shuffle)) X.add_(1);
        Assert.Equal([0L, 1, 2, 3], SampleIds(ds.X));
    }

    [Fact]
    public void BatchesLandInTheCallersScopeAndNothingElseDoes()
    {
        var loader = new DataLoader(Numbered(20), batchSize: 6, shuffle: true, seed: 3);
        var batches = new List<(Tensor X, Tensor y)>();
        using (var scope = NewDisposeScope())
        {
            foreach (var batch in loader) batches.Add(batch);
            // Exactly X and y of each of the 4 batches: no permutation, index or unscaled copy left behind.
            Assert.Equal(2 * 4, scope.DisposablesCount);
            Assert.All(batches, b => Assert.True(scope.Contains(b.X) && scope.Contains(b.y)));
        }
        Assert.All(batches, b => Assert.True(b.X.IsInvalid && b.y.IsInvalid));
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(5), batchSize: 0));
        Assert.Contains("batchSize must be at least 1, got 0", e.Message);
        var s = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(5), 2, scale: (PixelScale)7));
        Assert.Contains("unknown scale 7", s.Message);
    }

    [Fact]
    public void ToStringSaysHowItBatches()
    {
        var loader = new DataLoader(Numbered(10, name: "toy"), batchSize: 4, shuffle: true, seed: 9, scale: PixelScale.MinusOneToOne);
        Assert.Equal("DataLoader(toy, batchSize: 4, shuffle: True, dropLast: False, seed: 9, scale: MinusOneToOne) — 3 batches",
            loader.ToString());
    }
}
