using NotebookKit.Interactive;
using NotebookKit.Tensors;

namespace NotebookKit.Imaging;

/// <summary>
/// A batch of images tiled into one picture, as <c>torchvision.utils.make_grid</c> does, with optional
/// captions under the images and a title, shown in notebooks as a PNG (<c>image/png</c>, <c>text/html</c>
/// and <c>text/plain</c> through <see cref="TypeFormatterSourceAttribute"/>).
/// </summary>
/// <remarks>
/// <para>Input shapes: <c>(N, H, W)</c>, <c>(N, 1, H, W)</c>, <c>(N, 3, H, W)</c>, or flat <c>(N, D)</c>
/// with D a perfect square (784 → 28×28), as a decoder's <c>Linear</c> output comes.</para>
/// <para>Values: see <see cref="From"/> for the range rule. Size in pixels:
/// width = nrow·(W·scale + padding) + padding, height = rows·(H·scale + captionBand + padding) + padding + titleBand.</para>
/// <para>Immutable: <see cref="WithTitle"/> and <see cref="WithCaptions"/> return new grids.</para>
/// </remarks>
/// <example><code>
/// var test = FashionMnist.Load(train: false).Take(32);
/// ImageGrid.From(test.Images, nrow: 8, scale: 2, captions: test.Labels.Select(l => FashionMnist.Classes[l]))
/// </code></example>
[TypeFormatterSource(typeof(ImageGridFormatterSource), PreferredMimeTypes = ["text/html", "image/png"])]
public sealed partial class ImageGrid
{
    private readonly byte[] images;            // Count images, each Channels planes of ImageHeight·ImageWidth bytes
    private readonly int[] cells;              // image index per grid cell, row-major; -1 = empty cell
    private readonly string[]? captions;
    private readonly byte padByte;
    private readonly Canvas canvas;
    private byte[]? png;

    private ImageGrid(byte[] images, int count, int channels, int height, int width, int[] cells, int columns,
        int padding, int scale, byte padByte, string[]? captions, string? title)
    {
        this.images = images;
        this.cells = cells;
        this.captions = captions;
        this.padByte = padByte;
        Count = count;
        Channels = channels;
        ImageHeight = height;
        ImageWidth = width;
        Columns = columns;
        Rows = (cells.Length + columns - 1) / columns;
        Padding = padding;
        Scale = scale;
        Title = title;
        canvas = Render();
    }

    /// <summary>Number of images in the grid.</summary>
    public int Count { get; }

    /// <summary>1 for greyscale images (a greyscale PNG), 3 for RGB.</summary>
    public int Channels { get; }

    /// <summary>Height of one image before scaling.</summary>
    public int ImageHeight { get; }

    /// <summary>Width of one image before scaling.</summary>
    public int ImageWidth { get; }

    /// <summary>Images per row (torchvision's <c>nrow</c>, capped at the number of images).</summary>
    public int Columns { get; }

    /// <summary>Number of rows of images.</summary>
    public int Rows { get; }

    /// <summary>Pixels between images and around the border.</summary>
    public int Padding { get; }

    /// <summary>Each image pixel becomes a Scale×Scale block (nearest neighbour).</summary>
    public int Scale { get; }

    /// <summary>Drawn above the grid, or null.</summary>
    public string? Title { get; }

    /// <summary>One caption per image (drawn under it), or null.</summary>
    public IReadOnlyList<string>? Captions => captions;

    /// <summary>Width of the rendered picture in pixels.</summary>
    public int Width => canvas.Width;

    /// <summary>Height of the rendered picture in pixels.</summary>
    public int Height => canvas.Height;

    /// <summary>
    /// Tiles <paramref name="images"/> into a grid (PyTorch: <c>torchvision.utils.make_grid(images, nrow, padding,
    /// normalize, value_range, pad_value)</c>).
    /// </summary>
    /// <param name="images"><c>(N, H, W)</c>, <c>(N, 1, H, W)</c>, <c>(N, 3, H, W)</c>, or <c>(N, D)</c> with D a perfect square.</param>
    /// <param name="nrow">Images per row (default 8); the last row may be shorter.</param>
    /// <param name="padding">Pixels between images and around the border (default 2).</param>
    /// <param name="scale">Nearest-neighbour upscaling (default 2: a 28×28 digit becomes 56×56 pixels).</param>
    /// <param name="captions">One caption per image, drawn under it (cut with ".." to fit), or null for none.</param>
    /// <param name="title">Drawn above the grid, or null.</param>
    /// <param name="valueRange">
    /// The values that map to black and white. Default: [0, 1] if no value is negative, else [-1, 1] (tanh
    /// outputs). Values outside the range are an error naming the extremes found, unless <paramref name="clamp"/>.
    /// </param>
    /// <param name="normalize">Map the batch's own min..max to black..white instead (torchvision's <c>normalize=True</c>).</param>
    /// <param name="clamp">Clip out-of-range values to the range instead of failing.</param>
    /// <param name="padValue">Brightness of padding and caption background, 0 (black, default) to 1 (white).</param>
    public static ImageGrid From(Tensor images, int nrow = 8, int padding = 2, int scale = 2,
        IEnumerable<string>? captions = null, string? title = null, (float Min, float Max)? valueRange = null,
        bool normalize = false, bool clamp = false, float padValue = 0f)
    {
        const string op = "ImageGrid.From";
        var (n, c, h, w) = ImageShape(images, op);
        var bytes = ToBytes(images.data, images.ShapeString, op, valueRange, normalize, clamp);
        return Create(bytes, n, c, h, w, Enumerable.Range(0, n).ToArray(), nrow, padding, scale, padValue, captions?.ToArray(), title, op);
    }

    /// <summary>The same grid with another title (null removes it).</summary>
    public ImageGrid WithTitle(string? title) =>
        new(images, Count, Channels, ImageHeight, ImageWidth, cells, Columns, Padding, Scale, padByte, captions, title);

    /// <summary>The same grid with other captions, one per image (null removes them).</summary>
    public ImageGrid WithCaptions(IEnumerable<string>? captions) =>
        new(images, Count, Channels, ImageHeight, ImageWidth, cells, Columns, Padding, Scale, padByte,
            CheckCaptions(captions?.ToArray(), Count, "ImageGrid.WithCaptions"), Title);

    /// <summary>The picture as PNG bytes (greyscale or RGB, 8 bits; see <see cref="PngEncoder"/>).</summary>
    public byte[] ToPng() => (byte[])(png ??= Encode()).Clone();

    /// <summary>Writes the picture as a PNG file, atomically (see <see cref="PngEncoder.Save(string, ReadOnlySpan{byte})"/>).</summary>
    public void Save(string path) => PngEncoder.Save(path, png ??= Encode());

    /// <summary>The rendered pixels, row-major, <see cref="Channels"/> bytes per pixel (a copy).</summary>
    public byte[] ToPixels() => (byte[])canvas.Pixels.Clone();

    /// <summary>The brightness 0..255 at (x, y) in channel <paramref name="channel"/>.</summary>
    public byte PixelAt(int x, int y, int channel = 0) => canvas.Pixels[(y * Width + x) * Channels + channel];

    /// <summary>E.g. "ImageGrid: 64 images 28×28 in 8×8 (rows×columns), 2× scale, 466×466 px".</summary>
    public override string ToString() =>
        (Title is null ? "ImageGrid: " : $"ImageGrid \"{Title}\": ") +
        $"{Count} {(Count == 1 ? "image" : "images")} {ImageHeight}×{ImageWidth}{(Channels == 3 ? " RGB" : "")} " +
        $"in {Rows}×{Columns} (rows×columns), {Scale}× scale, {Width}×{Height} px";

    private byte[] Encode() => PngEncoder.Encode(canvas.Pixels, canvas.Width, canvas.Height, Channels == 3 ? PngColorType.Rgb : PngColorType.Gray);

    private static ImageGrid Create(byte[] bytes, int n, int c, int h, int w, int[] cells, int nrow, int padding, int scale,
        float padValue, string[]? captions, string? title, string op)
    {
        if (nrow < 1) throw new ArgumentOutOfRangeException(nameof(nrow), $"{op}: nrow (images per row) must be at least 1, got {nrow}.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"{op}: padding must be non-negative, got {padding}.");
        if (scale < 1 || scale > 64) throw new ArgumentOutOfRangeException(nameof(scale), $"{op}: scale must be 1..64, got {scale}.");
        if (!(padValue >= 0f && padValue <= 1f))
            throw new ArgumentOutOfRangeException(nameof(padValue), $"{op}: padValue is a brightness in [0, 1], got {padValue}.");
        byte padByte = (byte)MathF.Floor(padValue * 255f + 0.5f);
        return new ImageGrid(bytes, n, c, h, w, cells, Math.Min(nrow, cells.Length), padding, scale, padByte,
            CheckCaptions(captions, n, op), title);
    }

    private static string[]? CheckCaptions(string[]? captions, int count, string op)
    {
        if (captions != null && captions.Length != count)
            throw new ArgumentException(
                $"{op}: {captions.Length} captions for {count} images; give exactly one caption per image (\"\" leaves one blank).",
                nameof(captions));
        return captions;
    }
}
