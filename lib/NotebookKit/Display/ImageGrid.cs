using System.Globalization;
using System.Net;
using System.Text;
using NotebookKit.Interactive;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Display;

/// <summary>
/// A batch of images tiled into one picture with <c>torchvision.utils.make_grid</c>'s layout and encoded as PNG by
/// <see cref="PngWriter"/>; shown as <c>image/png</c> (the picture), <c>text/html</c> (the picture with the title and
/// captions as HTML text) and <c>text/plain</c>.
/// </summary>
/// <remarks>
/// <para>Shapes: <c>(N, 1, H, W)</c>, <c>(N, 3, H, W)</c>, <c>(N, H, W)</c>, or flat <c>(N, D)</c> with D a perfect square
/// (a decoder's <c>(N, 784)</c> → 28×28). Values: [0, 1] when none is negative, else [-1, 1] (tanh outputs), or
/// <c>valueRange</c>; a value outside is an error unless <c>clamp</c>.</para>
/// <para>Size: width = cols·(W·scale + padding) + padding, height = rows·(H·scale + padding) + padding (make_grid's,
/// with each image upscaled first). The tiling is done here with tensor ops because TorchVision 0.107's
/// <c>make_grid</c> throws when the last row is not full, drops the top padding and returns a lone image unpadded.</para>
/// <para>Every grid gives all three MIME types. The title and captions are HTML text, not pixels, so the
/// <c>image/png</c> is the bare picture; front ends that can show HTML prefer it (Jupyter Notebook and Lab, VS Code,
/// NotebookKit's exported pages, .NET Interactive through <c>PreferredMimeTypes</c>), and a host that shows only
/// images still shows the grid.</para>
/// </remarks>
/// <example><code>
/// ImageGrid.From(X[..16], nrow: 8, captions: y[..16].data&lt;long&gt;().Select(c => FashionMnist.Classes[c]))
/// </code></example>
[TypeFormatterSource(typeof(FormatterSource), PreferredMimeTypes = ["text/html", "image/png", "text/plain"])]
public sealed partial class ImageGrid
{
    private readonly byte[] png;
    private readonly byte[][]? rowPngs; // one PNG per grid row, for captions under each row

    private ImageGrid(byte[] png, byte[][]? rowPngs, (int N, int C, int H, int W) shape, int columns, int rows,
        int padding, int scale, string? title, string[]? captions)
    {
        this.png = png;
        this.rowPngs = rowPngs;
        (Count, Channels, ImageHeight, ImageWidth) = shape;
        (Columns, Rows, Padding, Scale, Title, Captions) = (columns, rows, padding, scale, title, captions);
        Width = columns * (ImageWidth * scale + padding) + padding;
        Height = rows * (ImageHeight * scale + padding) + padding;
    }

    public int Count { get; }
    public int Channels { get; }
    public int ImageHeight { get; }
    public int ImageWidth { get; }
    public int Columns { get; }
    public int Rows { get; }
    public int Padding { get; }
    public int Scale { get; }
    public int Width { get; }
    public int Height { get; }
    public string? Title { get; }

    /// <summary>One caption per grid cell in reading order (empty cells included), or null.</summary>
    public IReadOnlyList<string>? Captions { get; }

    /// <summary>
    /// Tiles <paramref name="images"/> (PyTorch: <c>make_grid(images, nrow, padding, normalize, value_range, pad_value)</c>).
    /// </summary>
    /// <param name="images"><c>(N, C, H, W)</c> with C = 1 or 3, <c>(N, H, W)</c>, or <c>(N, D)</c> with D = H·H.</param>
    /// <param name="nrow">Images per row (torchvision's name; the last row may be shorter).</param>
    /// <param name="padding">Pixels between images and around the border.</param>
    /// <param name="scale">Nearest-neighbour upscaling: a 28×28 digit becomes 56×56 pixels at 2.</param>
    /// <param name="captions">One per image, shown under it as HTML text; null for none.</param>
    /// <param name="title">Shown above the grid as HTML text.</param>
    /// <param name="valueRange">Values that map to black and white; default [0, 1], or [-1, 1] when some value is negative.</param>
    /// <param name="normalize">Stretch the batch's own min..max to black..white.</param>
    /// <param name="clamp">Clip values outside the range instead of failing.</param>
    /// <param name="padValue">Brightness of the padding, 0 (black) to 1 (white).</param>
    public static ImageGrid From(Tensor images, int nrow = 8, int padding = 2, int scale = 2, IEnumerable<string>? captions = null,
        string? title = null, (double Min, double Max)? valueRange = null, bool normalize = false, bool clamp = false, double padValue = 0)
    {
        const string op = "ImageGrid.From";
        using var scope = torch.NewDisposeScope();
        var x = ToImages(images, op);
        int n = (int)x.shape[0];
        var cells = Enumerable.Range(0, n).ToArray();
        return Create(x, cells, nrow, padding, scale, title, captions?.ToArray(), valueRange, normalize, clamp, padValue, op);
    }

    /// <summary>The picture as PNG bytes (8-bit greyscale or RGB).</summary>
    public byte[] ToPng() => (byte[])png.Clone();

    /// <summary>Writes the PNG atomically (temp file, then rename).</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temp, png);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>E.g. <c>ImageGrid: 16 images 28×28 in 2×8 (rows×columns), 2× scale, 466×118 px</c>.</summary>
    public override string ToString() =>
        (Title is null ? "ImageGrid: " : $"ImageGrid \"{Title}\": ") +
        $"{Count} {(Count == 1 ? "image" : "images")} {ImageHeight}×{ImageWidth}{(Channels == 3 ? " RGB" : "")} " +
        $"in {Rows}×{Columns} (rows×columns), {Scale}× scale, {Width}×{Height} px";

    /// <summary>The grid as HTML: the title, then the picture — row by row with the captions under each row when there are any.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"nbkit-grid\" style=\"display:inline-block;font:12px sans-serif\">");
        if (Title != null)
            sb.Append("<div style=\"text-align:center;font-weight:bold;margin:2px 0\">").Append(WebUtility.HtmlEncode(Title)).Append("</div>");
        if (rowPngs is null) AppendImg(sb, png, Width, Height);
        else
            for (int r = 0; r < Rows; r++)
            {
                bool last = r == Rows - 1;
                AppendImg(sb, rowPngs[r], Width, ImageHeight * Scale + Padding + (last ? Padding : 0));
                sb.Append("<div style=\"display:flex;padding-left:").Append(Padding).Append("px\">");
                for (int c = 0; c < Columns; c++)
                    sb.Append(CultureInfo.InvariantCulture, $"<div style=\"width:{ImageWidth * Scale + Padding}px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;text-align:center\">")
                      .Append(WebUtility.HtmlEncode(Captions![r * Columns + c])).Append("</div>");
                sb.Append("</div>");
            }
        return sb.Append("</div>").ToString();
    }

    private static void AppendImg(StringBuilder sb, byte[] bytes, int width, int height) =>
        sb.Append(CultureInfo.InvariantCulture, $"<img src=\"data:image/png;base64,{Convert.ToBase64String(bytes)}\" width=\"{width}\" height=\"{height}\" ")
          .Append("style=\"image-rendering:pixelated;display:block\" alt=\"image grid\">");

    private sealed class FormatterSource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new TypeFormatter<ImageGrid>("text/html", (g, w) => w.Write(g.ToHtml())),
            new TypeFormatter<ImageGrid>("image/png", (g, w) => w.Write(Convert.ToBase64String(g.png))),
            new TypeFormatter<ImageGrid>("text/plain", (g, w) => w.Write(g.ToString())),
        ];
    }
}
