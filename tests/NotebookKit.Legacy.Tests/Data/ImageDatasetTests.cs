using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

public class ImageDatasetTests
{
    private static ImageDataset Three() =>
        new([0, 255, 0, 0, 10, 20, 30, 40, 255, 255, 255, 255], [2, 0, 1], 2, 2, ["a", "b", "c"], "three");

    [Fact]
    public void ImagesAreNByOneByHByWInUnitRange()
    {
        var ds = Three();
        Assert.Equal(3, ds.Count);
        Assert.Equal([3, 1, 2, 2], ds.Images.Shape);
        Assert.Equal(1f, ds.Images.At(0, 0, 0, 1));
        Assert.Same(ds.Images, ds.Images); // built once
        Assert.Equal(-1f, ds.ToTensor(PixelScale.MinusOneToOne).At(0, 0, 0, 0));
    }

    [Fact]
    public void IndexerGivesImageAndLabel()
    {
        var (image, label) = Three()[2];
        Assert.Equal([1, 2, 2], image.Shape);
        Assert.Equal(1, label);
        Assert.All(image.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void TakeAndSubsetKeepPixelsWithLabels()
    {
        var ds = Three();
        var first = ds.Take(2);
        Assert.Equal([2, 0], first.Labels);
        Assert.Equal(ds.Pixels[..8].ToArray(), first.Pixels.ToArray());
        Assert.Same(ds, ds.Take(10));
        var sub = ds.Subset([2, 0]);
        Assert.Equal([1, 2], sub.Labels);
        Assert.Equal(255, sub.Pixels[0]);
        Assert.Equal(["a", "b", "c"], sub.Classes);
    }

    [Fact]
    public void MismatchedSizesAreExplained()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[10], [0, 1, 2], 2, 2, name: "bad"));
        Assert.Contains("ImageDataset 'bad': 3 labels need 12 pixel bytes (3×2×2), got 10", e.Message);
    }
}
