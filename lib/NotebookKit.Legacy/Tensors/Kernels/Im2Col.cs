namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Unfolds images into column matrices and folds them back, so a convolution becomes one GEMM:
/// row (c, i, j) and column (n, oh, ow) of the matrix hold x[n, c, oh·s − p + i, ow·s − p + j] (0 outside the image).
/// <see cref="Col2Im"/> is the exact adjoint of <see cref="Unfold"/>: it adds every entry back where it came from.
/// Images are independent, so the batch loops run in parallel with bit-identical results.
/// </summary>
internal static partial class Im2Col
{
    private const int ParallelThreshold = 1 << 15; // below this many column entries threads cost more than they save

    /// <summary>Unfolds images n0 … n0+count−1 of <paramref name="images"/> (N, C, H, W) into
    /// <paramref name="col"/> (K, count·L); every entry is written.</summary>
    public static void Unfold(float[] images, int n0, int count, in ConvGeometry g, float[] col)
    {
        var geo = g;
        int ld = count * g.L;
        if (Gathers)
        {
            var (table, lp) = CachedTable(g, ld, fold: false);
            For(count, (long)g.K * ld, b => UnfoldImageGather(images, (n0 + b) * geo.ImageSize, geo, col, b * geo.L, ld, table, lp));
        }
        else For(count, (long)g.K * ld, b => UnfoldImage(images, (n0 + b) * geo.ImageSize, geo, col, b * geo.L, ld));
    }

    /// <summary>Adds the column matrix <paramref name="col"/> (K, count·L) into images n0 … n0+count−1 of (N, C, H, W).</summary>
    public static void Col2Im(float[] col, int n0, int count, in ConvGeometry g, float[] images)
    {
        var geo = g;
        int ld = count * g.L;
        if (Gathers)
        {
            var (table, taps) = CachedTable(g, ld, fold: true);
            For(count, (long)g.K * ld, b => FoldImageGather(col, b * geo.L, ld, geo, images, (n0 + b) * geo.ImageSize, table, taps));
        }
        else For(count, (long)g.K * ld, b => FoldImage(col, b * geo.L, ld, geo, images, (n0 + b) * geo.ImageSize));
    }

    private static void For(int count, long work, Action<int> body) =>
        WorkSharing.For(count, work >= ParallelThreshold ? Gemm.MaxThreads : 1, body);

    // The range of window positions o for which o·s − p + k lies inside [0, size).
    private static (int Lo, int Hi) Valid(int k, int s, int p, int size, int outSize)
    {
        int lo = p - k > 0 ? (p - k + s - 1) / s : 0;
        int last = size - 1 + p - k;
        int hi = last >= 0 ? Math.Min(outSize, last / s + 1) : 0;
        return (lo, Math.Max(lo, hi));
    }

    // Pointer loops: for the DCGAN's 7-wide output rows, per-row span bookkeeping cost more than the copies.
    private static unsafe void UnfoldImage(float[] x, int xOff, in ConvGeometry g, float[] col, int colOff, int ld)
    {
        fixed (float* xp = x, cp = col)
            for (int c = 0; c < g.C; c++)
                for (int i = 0; i < g.KH; i++)
                {
                    var (ohLo, ohHi) = Valid(i, g.SH, g.PH, g.H, g.OH);
                    for (int j = 0; j < g.KW; j++)
                    {
                        var (owLo, owHi) = Valid(j, g.SW, g.PW, g.W, g.OW);
                        float* row = cp + colOff + (long)((c * g.KH + i) * g.KW + j) * ld;
                        for (int oh = 0; oh < g.OH; oh++)
                        {
                            float* dst = row + oh * g.OW;
                            if (oh < ohLo || oh >= ohHi || owLo >= owHi) { new Span<float>(dst, g.OW).Clear(); continue; }
                            for (int ow = 0; ow < owLo; ow++) dst[ow] = 0f;
                            float* src = xp + xOff + (c * g.H + oh * g.SH - g.PH + i) * g.W + owLo * g.SW - g.PW + j;
                            for (int ow = owLo; ow < owHi; ow++, src += g.SW) dst[ow] = *src;
                            for (int ow = owHi; ow < g.OW; ow++) dst[ow] = 0f;
                        }
                    }
                }
    }

    private static unsafe void FoldImage(float[] col, int colOff, int ld, in ConvGeometry g, float[] x, int xOff)
    {
        fixed (float* xp = x, cp = col)
            for (int c = 0; c < g.C; c++)
                for (int i = 0; i < g.KH; i++)
                {
                    var (ohLo, ohHi) = Valid(i, g.SH, g.PH, g.H, g.OH);
                    for (int j = 0; j < g.KW; j++)
                    {
                        var (owLo, owHi) = Valid(j, g.SW, g.PW, g.W, g.OW);
                        float* row = cp + colOff + (long)((c * g.KH + i) * g.KW + j) * ld;
                        for (int oh = ohLo; oh < ohHi; oh++)
                        {
                            float* src = row + oh * g.OW;
                            float* dst = xp + xOff + (c * g.H + oh * g.SH - g.PH + i) * g.W + owLo * g.SW - g.PW + j;
                            for (int ow = owLo; ow < owHi; ow++, dst += g.SW) *dst += src[ow];
                        }
                    }
                }
    }

    /// <summary>(N, C, L) images n0 … n0+count−1 → channel-major (C, count·L), the layout the GEMMs use.</summary>
    public static void ToChannelMajor(float[] src, int n0, int count, int c, int l, float[] dst)
    {
        int ld = count * l;
        for (int b = 0; b < count; b++)
            for (int ch = 0; ch < c; ch++)
                Array.Copy(src, ((n0 + b) * c + ch) * l, dst, ch * ld + b * l, l);
    }

    /// <summary>Channel-major (C, count·L) → (N, C, L) images n0 …, adding <paramref name="bias"/>[c] when given;
    /// with <paramref name="accumulate"/> the values are added to <paramref name="dst"/>.</summary>
    public static void FromChannelMajor(float[] src, int n0, int count, int c, int l, float[] dst, float[]? bias, bool accumulate)
    {
        int ld = count * l;
        for (int b = 0; b < count; b++)
            for (int ch = 0; ch < c; ch++)
            {
                var d = dst.AsSpan(((n0 + b) * c + ch) * l, l);
                var s = src.AsSpan(ch * ld + b * l, l);
                if (accumulate) Broadcasting.Add(d, s); else s.CopyTo(d);
                if (bias != null) { float v = bias[ch]; for (int q = 0; q < l; q++) d[q] += v; }
            }
    }
}
