using System.Globalization;
using NotebookKit.Tensors;

namespace NotebookKit.Imaging;

// Checking image tensors and turning their values into bytes.
public sealed partial class ImageGrid
{
    private const string AcceptedShapes = "(N, H, W), (N, 1, H, W), (N, 3, H, W), or (N, D) with D a perfect square (784 → 28×28)";

    // Values this close outside the range (float rounding in sigmoid/tanh) are clipped without complaint.
    private const float RangeTolerance = 1e-4f;

    /// <summary>(N, C, H, W) for one of the accepted shapes, or an error naming the shape.</summary>
    internal static (int N, int C, int H, int W) ImageShape(Tensor images, string op)
    {
        ArgumentNullException.ThrowIfNull(images);
        var s = images.shape;
        if (images.Numel == 0)
            throw new ArgumentException($"{op}: the images tensor {images.ShapeString} is empty; there is nothing to show.");
        switch (s.Length)
        {
            case 2:
                int side = (int)Math.Round(Math.Sqrt(s[1]));
                if (side * side != s[1])
                    throw new ArgumentException(
                        $"{op}: flat images {images.ShapeString} need D = H·W with H = W, but {s[1]} is not a perfect square; " +
                        $"reshape to (N, C, H, W) first, e.g. x.Reshape(N, 1, H, W).");
                return (s[0], 1, side, side);
            case 3:
                return (s[0], 1, s[1], s[2]);
            case 4 when s[1] is 1 or 3:
                return (s[0], s[1], s[2], s[3]);
            case 4:
                throw new ArgumentException(
                    $"{op}: images {images.ShapeString} have {s[1]} channels; only 1 (greyscale) or 3 (RGB) can be shown. Accepted: {AcceptedShapes}.");
            default:
                throw new ArgumentException(
                    $"{op}: a tensor of shape {images.ShapeString} is not a batch of images. Accepted: {AcceptedShapes}" +
                    (s.Length == 1 ? "; for a single image use x.Reshape(1, H, W)." : "."));
        }
    }

    /// <summary>Maps the values to 0..255 as torchvision's <c>save_image</c> does: ⌊255·(v − lo)/(hi − lo) + 0.5⌋.</summary>
    internal static byte[] ToBytes(ReadOnlySpan<float> values, string shape, string op, (float Min, float Max)? valueRange, bool normalize, bool clamp)
    {
        var (min, max) = MinMax(values, shape, op);
        float lo, hi;
        if (normalize) (lo, hi) = (min, max);
        else if (valueRange is { } r)
        {
            if (!(r.Max > r.Min))
                throw new ArgumentException($"{op}: valueRange ({F(r.Min)}, {F(r.Max)}) must have Min < Max.", nameof(valueRange));
            (lo, hi) = r;
        }
        else (lo, hi) = min >= 0f ? (0f, 1f) : (-1f, 1f);

        if (!normalize && !clamp && (min < lo - RangeTolerance || max > hi + RangeTolerance))
        {
            string why = valueRange is null ? (min >= 0f ? " (chosen because no value is negative)" : " (chosen because some values are negative)") : "";
            throw new ArgumentException(
                $"{op}: the values of {shape} span [{F(min)}, {F(max)}], outside the range [{F(lo)}, {F(hi)}]{why}. " +
                "Pass valueRange: (min, max) for the range your data uses, normalize: true to stretch min..max, or clamp: true to clip.");
        }

        var bytes = new byte[values.Length];
        float k = hi > lo ? 255f / (hi - lo) : 0f;
        for (int i = 0; i < values.Length; i++)
            bytes[i] = (byte)Math.Clamp(MathF.Floor((values[i] - lo) * k + 0.5f), 0f, 255f);
        return bytes;
    }

    private static (float Min, float Max) MinMax(ReadOnlySpan<float> values, string shape, string op)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        int nans = 0, firstNaN = -1;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (float.IsNaN(v))
            {
                if (nans++ == 0) firstNaN = i;
                continue;
            }
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (nans > 0)
            throw new ArgumentException(
                $"{op}: {nans} of the {values.Length} values of {shape} are NaN, the first at flat index {firstNaN}; " +
                "the model that produced them has probably diverged (check the loss and the learning rate).");
        return (min, max);
    }

    private static string F(float v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
