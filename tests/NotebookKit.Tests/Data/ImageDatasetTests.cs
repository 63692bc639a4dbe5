using NotebookKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Data;

public class ImageDatasetTests
{
    // Sample i has every pixel equal to i / 1000 and label i % 3.
    internal static ImageDataset Numbered(int n, int side = 2, string name = "numbered") =>
        new(arange(n, dtype: float32).div(1000).view(n, 1, 1, 1).expand(n, 1, side, side).contiguous(),
            arange(n, dtype: int64).remainder(3), ["a", "b", "c"], name);

    internal static long[] SampleIds(Tensor X) =>
        X[.., 0, 0, 0].mul(1000).round().to_type(ScalarType.Int64).data<long>().ToArray();

    [Fact]
    public void HoldsXAndYWithCountAndSize()
    {
        using var ds = Numbered(5, side: 3);
        Assert.Equal(5, ds.Count);
        Assert.Equal((3, 3), (ds.Height, ds.Width));
        Assert.Equal([5L, 1, 3, 3], ds.X.shape);
        Assert.Equal([0L, 1, 2, 0, 1], ds.y.data<long>().ToArray());
    }

    [Fact]
    public void IndexerGivesImageAndLabel()
    {
        using var ds = Numbered(5);
        var (image, label) = ds[4];
        Assert.Equal([1L, 2, 2], image.shape);
        Assert.Equal(4 / 1000f, image[0, 1, 1].item<float>());
        Assert.Equal(1, label);
        Assert.Equal("b", ds.Classes[label]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ds[5]);
        Assert.Contains("numbered: index 5 is out of range for 5 samples", e.Message);
    }

    [Fact]
    public void TakeKeepsTheFirstNAndNamesThem()
    {
        using var ds = Numbered(10);
        using var first = ds.Take(4);
        Assert.Equal([0L, 1, 2, 3], SampleIds(first.X));
        Assert.Equal([0L, 1, 2, 0], first.y.data<long>().ToArray());
        Assert.Equal("numbered (first 4)", first.Name);
        Assert.Equal(10, ds.Take(100).Count);
    }

    [Fact]
    public void TakeSurvivesTheParentAndTheCallersScope()
    {
        ImageDataset first;
        using (var scope = NewDisposeScope())
        {
            var ds = Numbered(10);
            first = ds.Take(3);
            ds.Dispose();
        }
        Assert.Equal([0L, 1, 2], SampleIds(first.X));
        first.Dispose();
        Assert.True(first.X.IsInvalid);
    }

    [Fact]
    public void SubsetPicksInOrderAndRejectsBadIndices()
    {
        using var ds = Numbered(10);
        using var sub = ds.Subset([7, 2, 7]);
        Assert.Equal([7L, 2, 7], SampleIds(sub.X));
        Assert.Equal([1L, 2, 1], sub.y.data<long>().ToArray());
        Assert.Equal("numbered (subset of 3)", sub.Name);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ds.Subset([1, 10]));
        Assert.Contains("Subset: index 10 (position 1) is out of range for 10 samples", e.Message);
    }

    [Fact]
    public void ToStringShowsNameCountShapeAndClasses()
    {
        using var ds = Numbered(6, side: 28, name: "toy");
        Assert.Equal("toy: 6 images, X (6, 1, 28, 28) float32, y (6) int64, 3 classes: a, b, c", ds.ToString());
    }

    [Fact]
    public void RejectsWrongShapesTypesAndRanges()
    {
        var flat = Assert.Throws<ArgumentException>(() => new ImageDataset(zeros(4, 784), zeros(4, dtype: int64)));
        Assert.Contains("X must be (N, 1, H, W), got (4, 784)", flat.Message);
        var bytes = Assert.Throws<ArgumentException>(() => new ImageDataset(zeros(4, 1, 2, 2, dtype: uint8), zeros(4, dtype: int64)));
        Assert.Contains("X must be float32 in [0, 1], got Byte", bytes.Message);
        var count = Assert.Throws<ArgumentException>(() => new ImageDataset(zeros(4, 1, 2, 2), zeros(3, dtype: int64)));
        Assert.Contains("y must be (N) = (4) to match X, got (3)", count.Message);
        var range = Assert.Throws<ArgumentException>(() => new ImageDataset(full(4, 1, 2, 2, 255f), zeros(4, dtype: int64)));
        Assert.Contains("X must lie in [0, 1], got [255, 255]", range.Message);
        var label = Assert.Throws<ArgumentException>(() => new ImageDataset(zeros(2, 1, 2, 2), tensor(new long[] { 0, 3 }), ["a", "b", "c"]));
        Assert.Contains("labels must be class indices 0..2, got 0..3", label.Message);
    }
}
