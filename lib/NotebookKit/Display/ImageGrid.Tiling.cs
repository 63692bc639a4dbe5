using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Display;

// Checking the input, mapping values to bytes, tiling (make_grid's layout) and PNG encoding.
public sealed partial class ImageGrid
{
    private const string Accepted = "(N, 1, H, W), (N, 3, H, W), (N, H, W), or (N, D) with D a perfect square (784 → 28×28)";

    // Values this close outside the range (float rounding in sigmoid/tanh) are clipped without complaint.
    private const double Tolerance = 1e-4;

    /// <summary>The images as a float32 CPU tensor (N, C, H, W), or an error naming the shape.</summary>
    internal static Tensor ToImages(Tensor images, string op)
    {
        ArgumentNullException.ThrowIfNull(images);
        var s = images.shape;
        var shape = "(" + string.Join(", ", s) + ")";
        if (images.numel() == 0) throw new ArgumentException($"{op}: the images tensor {shape} is empty; there is nothing to show.");
        var x = images.detach().to(torch.CPU).to_type(ScalarType.Float32);
        switch (s.Length)
        {
            case 2:
                long side = (long)Math.Round(Math.Sqrt(s[1]));
                if (side * side != s[1])
                    throw new ArgumentException($"{op}: flat images {shape} need D = H·W with H = W, but {s[1]} is not a perfect square; " +
                                                "reshape to (N, C, H, W) first, e.g. x.reshape(N, 1, H, W).");
                return x.reshape(s[0], 1, side, side);
            case 3: return x.unsqueeze(1);
            case 4 when s[1] is 1 or 3: return x;
            case 4: throw new ArgumentException($"{op}: images {shape} have {s[1]} channels; only 1 (greyscale) or 3 (RGB) can be shown.");
            default:
                throw new ArgumentException($"{op}: a tensor of shape {shape} is not a batch of images. Accepted: {Accepted}" +
                                            (s.Length == 1 ? "; for one image use x.reshape(1, H, W)." : "."));
        }
    }

    /// <summary>
    /// The grid of <paramref name="cells"/> (image index per cell in reading order, -1 = empty) from images
    /// <c>(N, C, H, W)</c>. Call inside a dispose scope.
    /// </summary>
    private static ImageGrid Create(Tensor x, int[] cells, int nrow, int padding, int scale, string? title, string[]? captions,
        (double Min, double Max)? valueRange, bool normalize, bool clamp, double padValue, string op)
    {
        if (nrow < 1) throw new ArgumentOutOfRangeException(nameof(nrow), $"{op}: nrow (images per row) must be at least 1, got {nrow}.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"{op}: padding must be 0 or more, got {padding}.");
        if (scale is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(scale), $"{op}: scale must be 1..64, got {scale}.");
        if (!(padValue >= 0 && padValue <= 1))
            throw new ArgumentOutOfRangeException(nameof(padValue), $"{op}: padValue is a brightness in [0, 1], got {padValue}.");
        int n = (int)x.shape[0], columns = Math.Min(nrow, cells.Length), rows = (cells.Length + columns - 1) / columns;
        if (captions != null && captions.Length != n)
            throw new ArgumentException($"{op}: {captions.Length} captions for {n} images; give one caption per image (\"\" leaves one blank).", nameof(captions));

        var unit = ToUnit(x, valueRange, normalize, clamp, op);
        var bytes = ToBytes(Tile(unit, cells, columns, rows, padding, scale, padValue));
        var png = PngWriter.Encode(bytes);
        byte[][]? rowPngs = null;
        string[]? cellCaptions = null;
        if (captions != null)
        {
            cellCaptions = cells.Select(i => i >= 0 && i < n ? captions[i] : "").Concat(Enumerable.Repeat("", rows * columns - cells.Length)).ToArray();
            int rowHeight = (int)x.shape[2] * scale + padding;
            rowPngs = Enumerable.Range(0, rows).Select(r =>
                PngWriter.Encode(bytes.narrow(1, r * rowHeight, rowHeight + (r == rows - 1 ? padding : 0)))).ToArray();
        }
        var shape = (n, (int)x.shape[1], (int)x.shape[2], (int)x.shape[3]);
        return new ImageGrid(png, rowPngs, shape, columns, rows, padding, scale, title, cellCaptions);
    }

    /// <summary>
    /// The pixels of <see cref="From"/>'s grid for images in [0, 1], as (C, height, width) bytes: what the PNG encoder
    /// is given (bench/NotebookKit.Bench/PngBench.cs times encoders on it). Call inside a dispose scope.
    /// </summary>
    internal static Tensor GridBytes(Tensor images, int nrow, int padding = 2, int scale = 2)
    {
        var x = ToImages(images, "ImageGrid.GridBytes");
        int n = (int)x.shape[0], columns = Math.Min(nrow, n), rows = (n + columns - 1) / columns;
        var unit = ToUnit(x, null, false, false, "ImageGrid.GridBytes");
        return ToBytes(Tile(unit, Enumerable.Range(0, n).ToArray(), columns, rows, padding, scale, 0));
    }

    /// <summary>[0, 1] → bytes with <c>save_image</c>'s rounding: ⌊255·v + 0.5⌋.</summary>
    private static Tensor ToBytes(Tensor unit) => unit.mul(255).add_(0.5).clamp_(0, 255).to_type(ScalarType.Byte);

    /// <summary>Maps the values to [0, 1]: (x − lo) / (hi − lo), after checking they lie in [lo, hi].</summary>
    private static Tensor ToUnit(Tensor x, (double Min, double Max)? valueRange, bool normalize, bool clamp, string op)
    {
        int nans = (int)x.isnan().sum().item<long>();
        if (nans > 0)
            throw new ArgumentException($"{op}: {nans} of the {x.numel()} values are NaN; the model that produced them has probably " +
                                        "diverged (check the loss and the learning rate).");
        double min = x.min().item<float>(), max = x.max().item<float>();
        double lo, hi;
        if (normalize) (lo, hi) = (min, max);
        else if (valueRange is { } r)
        {
            if (!(r.Max > r.Min)) throw new ArgumentException($"{op}: valueRange ({F(r.Min)}, {F(r.Max)}) must have Min < Max.", nameof(valueRange));
            (lo, hi) = r;
        }
        else (lo, hi) = min >= 0 ? (0.0, 1.0) : (-1.0, 1.0);
        if (!normalize && !clamp && (min < lo - Tolerance || max > hi + Tolerance))
            throw new ArgumentException(
                $"{op}: the values span [{F(min)}, {F(max)}], outside [{F(lo)}, {F(hi)}]" +
                (valueRange is null ? (min >= 0 ? " (chosen because no value is negative)" : " (chosen because some values are negative)") : "") +
                ". Pass valueRange: (min, max) for your data's range, normalize: true to stretch min..max, or clamp: true to clip.");
        return hi > lo ? x.sub(lo).div_(hi - lo).clamp_(0, 1) : torch.zeros_like(x);
    }

    /// <summary>
    /// make_grid's layout: cell (r, c) starts at (padding + c·(W·s + padding), padding + r·(H·s + padding)); empty cells
    /// and gaps hold <paramref name="padValue"/>. (N, C, H, W) → (C, rows·(H·s + p) + p, cols·(W·s + p) + p).
    /// </summary>
    private static Tensor Tile(Tensor x, int[] cells, int columns, int rows, int padding, int scale, double padValue)
    {
        long n = x.shape[0], c = x.shape[1];
        if (scale > 1) x = x.repeat_interleave(scale, dim: 2).repeat_interleave(scale, dim: 3);
        long h = x.shape[2], w = x.shape[3];
        var blank = torch.full(new long[] { 1, c, h, w }, padValue);
        var all = torch.cat(new[] { x, blank }, 0);                                     // index n = an empty cell
        var index = cells.Select(i => i < 0 ? n : i).Concat(Enumerable.Repeat(n, rows * columns - cells.Length)).ToArray();
        var tiles = all.index_select(0, torch.tensor(index));                           // (rows·cols, C, h, w)
        tiles = nn.functional.pad(tiles, new long[] { padding, 0, padding, 0 }, value: padValue);
        var grid = tiles.reshape(rows, columns, c, h + padding, w + padding).permute(2, 0, 3, 1, 4)
                        .reshape(c, rows * (h + padding), columns * (w + padding));
        return nn.functional.pad(grid, new long[] { 0, padding, 0, padding }, value: padValue).contiguous();
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
