using NotebookKit.Imaging;
using NotebookKit.Interactive;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Imaging;

public class ImageGridTests
{
    // n images H×W, image i filled with value(i).
    private static Tensor Constant(int n, int h, int w, Func<int, float> value) =>
        Torch.FromArray(Enumerable.Range(0, n).SelectMany(i => Enumerable.Repeat(value(i), h * w)).ToArray(), n, 1, h, w);

    [Fact]
    public void SizeFollowsNrowPaddingAndScale()
    {
        var g = ImageGrid.From(Torch.Zeros(10, 4, 5), nrow: 3, padding: 2, scale: 3);
        Assert.Equal((3, 4), (g.Columns, g.Rows));
        Assert.Equal(3 * (5 * 3 + 2) + 2, g.Width);
        Assert.Equal(4 * (4 * 3 + 2) + 2, g.Height);
    }

    [Fact]
    public void NrowIsCappedAtTheNumberOfImages()
    {
        var g = ImageGrid.From(Torch.Zeros(3, 28, 28), nrow: 8, padding: 2, scale: 1);
        Assert.Equal((3, 1, 3 * 30 + 2, 32), (g.Columns, g.Rows, g.Width, g.Height));
    }

    [Fact]
    public void AWhiteImageFillsItsCellAndOnlyItsCell()
    {
        var g = ImageGrid.From(Constant(6, 4, 5, i => i == 4 ? 1f : 0f), nrow: 3, padding: 2, scale: 2, padValue: 0.5f);
        var (x, y) = g.CellOrigin(1, 1);
        Assert.Equal((2 + 1 * (10 + 2), 2 + 1 * (8 + 2)), (x, y));
        for (int dy = 0; dy < 8; dy++)
            for (int dx = 0; dx < 10; dx++) Assert.Equal(255, g.PixelAt(x + dx, y + dy));
        Assert.Equal(128, g.PixelAt(x - 1, y));          // padding: round(0.5·255)
        Assert.Equal(128, g.PixelAt(x + 10, y + 7));
        var (x0, y0) = g.CellOrigin(1, 0);
        Assert.Equal(0, g.PixelAt(x0 + 9, y0 + 7));      // the neighbour is black
    }

    [Fact]
    public void NegativeValuesSelectMinusOneToOne()
    {
        var g = ImageGrid.From(Torch.FromArray([-1f, 0f, 1f, -0.5f], 1, 1, 2, 2), padding: 0, scale: 1);
        Assert.Equal(new byte[] { 0, 128, 255, 64 }, g.ToPixels()); // ⌊255·(v + 1)/2 + 0.5⌋
    }

    [Fact]
    public void ExplicitRangeNormalizeAndClamp()
    {
        var x = Torch.FromArray([0f, 1f, 2f, 4f], 1, 1, 2, 2);
        Assert.Equal(new byte[] { 0, 64, 128, 255 }, ImageGrid.From(x, padding: 0, scale: 1, valueRange: (0, 4)).ToPixels());
        Assert.Equal(new byte[] { 0, 64, 128, 255 }, ImageGrid.From(x, padding: 0, scale: 1, normalize: true).ToPixels());
        Assert.Equal(new byte[] { 0, 255, 255, 255 }, ImageGrid.From(x, padding: 0, scale: 1, clamp: true).ToPixels());
    }

    [Fact]
    public void OutOfRangeValuesAreAnErrorNamingMinAndMax()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.From(Torch.FromArray([0f, 2.5f], 1, 1, 1, 2)));
        Assert.Contains("[0, 2.5]", e.Message);
        Assert.Contains("[0, 1]", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageGrid.From(Torch.FromArray([-3f, 0.5f], 1, 1, 1, 2)));
        Assert.Contains("[-3, 0.5]", e.Message);
        Assert.Contains("[-1, 1]", e.Message);
    }

    [Fact]
    public void NaNsAreCountedWithTheFirstIndex()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ImageGrid.From(Torch.FromArray([0f, 0f, float.NaN, 0f, float.NaN, 0f], 2, 1, 1, 3)));
        Assert.Contains("2 of the 6 values", e.Message);
        Assert.Contains("flat index 2", e.Message);
    }

    [Theory]
    [InlineData(new[] { 5 }, "(5,)")]
    [InlineData(new[] { 2, 1, 3, 4, 5 }, "(2, 1, 3, 4, 5)")]
    [InlineData(new[] { 2, 2, 4, 4 }, "2 channels")]
    [InlineData(new[] { 3, 10 }, "10 is not a perfect square")]
    [InlineData(new[] { 0, 784 }, "empty")]
    public void BadShapesAreNamed(int[] shape, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.From(Torch.Zeros(shape)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void FlatImagesAreSquare()
    {
        var x = Torch.Rand(3, 784);
        var g = ImageGrid.From(x);
        Assert.Equal((28, 28), (g.ImageHeight, g.ImageWidth));
        Assert.Equal(ImageGrid.From(x.Reshape(3, 1, 28, 28)).ToPixels(), g.ToPixels());
    }

    [Fact]
    public void CaptionCountMustMatch()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.From(Torch.Zeros(4, 8, 8), captions: ["a", "b"]));
        Assert.Contains("2 captions for 4 images", e.Message);
    }

    [Fact]
    public void CaptionsDrawUnderTheirCell()
    {
        var x = Torch.Zeros(2, 28, 28);
        var blank = ImageGrid.From(x, captions: ["", ""]);
        var labelled = ImageGrid.From(x, captions: ["", "Bag"]);
        Assert.Equal(blank.Height, labelled.Height);
        Assert.Equal(ImageGrid.From(x).Height + ImageGrid.CaptionBand, labelled.Height);

        var (cx, cy) = labelled.CellOrigin(0, 1);
        int band = cy + 28 * 2;
        int changedUnderCell = 0, changedElsewhere = 0;
        for (int y = 0; y < labelled.Height; y++)
            for (int x0 = 0; x0 < labelled.Width; x0++)
                if (labelled.PixelAt(x0, y) != blank.PixelAt(x0, y))
                {
                    if (x0 >= cx && x0 < cx + 56 && y >= band && y < band + ImageGrid.CaptionBand) changedUnderCell++;
                    else changedElsewhere++;
                }
        Assert.True(changedUnderCell > 10, $"only {changedUnderCell} caption pixels");
        Assert.Equal(0, changedElsewhere);
    }

    [Fact]
    public void TitleAddsABandAboveAndKeepsTheImages()
    {
        var x = Torch.Rand(4, 6, 6);
        var plain = ImageGrid.From(x, nrow: 2);
        var titled = plain.WithTitle("Samples");
        Assert.True(titled.Height > plain.Height);
        Assert.Equal("Samples", titled.Title);
        var (px, py) = plain.CellOrigin(1, 1);
        var (tx, ty) = titled.CellOrigin(1, 1);
        Assert.Equal(plain.PixelAt(px + 3, py + 3), titled.PixelAt(tx + 3, ty + 3));
    }

    [Fact]
    public void RgbImagesKeepTheirChannels()
    {
        var x = Torch.FromArray([1f, 0f, 0.5f], 1, 3, 1, 1);  // one pixel: red 1, green 0, blue 0.5
        var g = ImageGrid.From(x, padding: 1, scale: 1);
        Assert.Equal(3, g.Channels);
        Assert.Equal((255, 0, 128), (g.PixelAt(1, 1, 0), g.PixelAt(1, 1, 1), g.PixelAt(1, 1, 2)));
        var png = DecodedPng.Decode(g.ToPng());
        Assert.Equal(2, png.ColorType);
        Assert.Equal(g.ToPixels(), png.Pixels);
    }

    [Fact]
    public void PngHoldsTheRenderedPixels()
    {
        var g = ImageGrid.From(Torch.Rand(5, 28, 28), nrow: 3, captions: ["a", "b", "c", "d", "e"], title: "t");
        var png = DecodedPng.Decode(g.ToPng());
        Assert.Equal((g.Width, g.Height, (byte)0), (png.Width, png.Height, png.ColorType));
        Assert.Equal(g.ToPixels(), png.Pixels);
    }

    [Fact]
    public void RendersAsPngHtmlAndPlainText()
    {
        var g = ImageGrid.From(Torch.Zeros(64, 28, 28), nrow: 8);
        var bundle = Formatting.ToMimeBundle(g);
        Assert.Equal(["text/html", "image/png", "text/plain"], bundle.MimeTypes);
        Assert.Equal(g.ToPng(), Convert.FromBase64String(bundle["image/png"]!));
        Assert.StartsWith("<img src=\"data:image/png;base64,", bundle["text/html"]);
        Assert.Contains($"width=\"{g.Width}\" height=\"{g.Height}\"", bundle["text/html"]);
        Assert.Contains("alt=\"ImageGrid: 64 images", bundle["text/html"]);
        Assert.Equal("ImageGrid: 64 images 28×28 in 8×8 (rows×columns), 2× scale, 466×466 px", bundle["text/plain"]);
    }

    [Fact]
    public void SaveWritesThePng()
    {
        var g = ImageGrid.From(Torch.Rand(2, 3, 3));
        var path = Path.Combine(Path.GetTempPath(), $"nbk-grid-{Guid.NewGuid():N}.png");
        try
        {
            g.Save(path);
            Assert.Equal(g.ToPng(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
