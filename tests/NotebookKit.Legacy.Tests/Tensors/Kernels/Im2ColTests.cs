using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tests.Tensors.Kernels;

/// <summary>
/// Im2Col.Unfold and Col2Im against their definitions written as plain loops: unfolding copies, so it must match
/// exactly; folding adds each pixel's entries in (kernel row, kernel column) order onto what the image held, so it
/// must match exactly too. Geometries: the DCGAN's, stride 1, stride larger than the kernel, rectangular, and
/// sizes whose L or H·W are not multiples of 8 (the vector tails).
/// </summary>
public class Im2ColTests
{
    public static TheoryData<int, int, int, int, int, int, int, int, int> Geometries => new()
    {
        // C, H, W, KH, KW, SH, SW, PH, PW
        { 64, 14, 14, 4, 4, 2, 2, 1, 1 }, // DCGAN D conv2 / G convT1
        { 1, 28, 28, 4, 4, 2, 2, 1, 1 },  // DCGAN conv1 / convT2
        { 3, 9, 7, 3, 3, 1, 1, 1, 1 },
        { 2, 10, 11, 2, 2, 3, 3, 0, 0 },  // stride > kernel: pixels no window covers
        { 3, 8, 13, 3, 5, 2, 3, 2, 1 },
        { 2, 5, 5, 5, 5, 1, 1, 3, 3 },    // padding ≥ half the kernel
        { 4, 1, 1, 1, 1, 1, 1, 0, 0 },
    };

    [Theory, MemberData(nameof(Geometries))]
    public void UnfoldMatchesDefinition(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw)
    {
        var g = Geometry(c, h, w, kh, kw, sh, sw, ph, pw);
        const int n = 3;
        var x = Random(n * g.ImageSize, 1);
        var col = Random(g.K * n * g.L, 2); // garbage: every entry must be written
        Im2Col.Unfold(x, 0, n, g, col);
        foreach (var (colIndex, pixel) in Entries(g, n))
        {
            float expected = pixel >= 0 ? x[pixel] : 0f, actual = col[colIndex];
            Assert.True(expected == actual, $"col[{colIndex}] = {actual}, expected {expected} (x[{pixel}])");
        }
    }

    [Theory, MemberData(nameof(Geometries))]
    public void Col2ImMatchesDefinitionBitForBit(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw)
    {
        var g = Geometry(c, h, w, kh, kw, sh, sw, ph, pw);
        const int n = 3, n0 = 1, count = 2; // fold into images 1 and 2 only: image 0 must stay untouched
        int ld = count * g.L;
        var col = Random(g.K * ld, 3);
        var images = Random(n * g.ImageSize, 4);
        var expected = (float[])images.Clone();
        foreach (var (colIndex, pixel) in Entries(g, count)) // per pixel, in (kernel row, kernel column) order
            if (pixel >= 0) expected[n0 * g.ImageSize + pixel] += col[colIndex];
        Im2Col.Col2Im(col, n0, count, g, images);
        Assert.Equal(expected, images);
    }

    /// <summary>The definition: every entry of the (K, count·L) column matrix, in (image, channel, i, j, oh, ow) order,
    /// with the index of the pixel it copies (counted from the first image), or −1 where the window is over the padding.</summary>
    private static IEnumerable<(int ColIndex, int Pixel)> Entries(ConvGeometry g, int count)
    {
        int ld = count * g.L;
        for (int b = 0; b < count; b++)
            for (int ch = 0; ch < g.C; ch++)
                for (int i = 0; i < g.KH; i++)
                    for (int j = 0; j < g.KW; j++)
                        for (int oh = 0; oh < g.OH; oh++)
                            for (int ow = 0; ow < g.OW; ow++)
                            {
                                int y = oh * g.SH - g.PH + i, x = ow * g.SW - g.PW + j;
                                bool inside = y >= 0 && y < g.H && x >= 0 && x < g.W;
                                yield return (((ch * g.KH + i) * g.KW + j) * ld + b * g.L + oh * g.OW + ow,
                                    inside ? b * g.ImageSize + (ch * g.H + y) * g.W + x : -1);
                            }
    }

    private static ConvGeometry Geometry(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) =>
        new(c, h, w, kh, kw, sh, sw, ph, pw, (h + 2 * ph - kh) / sh + 1, (w + 2 * pw - kw) / sw + 1);

    private static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}
