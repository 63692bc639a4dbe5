using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Table-driven im2col and col2im with AVX2 gathers, 8 entries per instruction whatever the stride, so the
/// DCGAN's 7-wide, stride-2 rows cost no more than long ones. The tables depend on the geometry alone and
/// hold −1 where a window hangs over the padding (those lanes are masked: read as 0, never touched).
/// Col2im gathers, for 8 image pixels at a time, every column entry that lands on them, in the same
/// (kernel row, kernel column) order as the scalar loops, so the sums are the same.
/// </summary>
internal static partial class Im2Col
{
    private static readonly bool Gathers = Avx2.IsSupported;

    // The tables depend on the geometry (and, for folding, the column matrix's leading dimension) alone, and a training
    // loop meets the same few geometries every step: built once, shared read-only by all threads. Bounded, in case a
    // program walks through many shapes.
    private static readonly ConcurrentDictionary<(ConvGeometry Geometry, int Ld, bool Fold), (int[] Table, int Extra)> Tables = new();
    private const int MaxTables = 256;

    private static (int[] Table, int Extra) CachedTable(in ConvGeometry g, int ld, bool fold)
    {
        var key = (g, fold ? ld : 0, fold);
        if (Tables.TryGetValue(key, out var hit)) return hit;
        if (Tables.Count >= MaxTables) Tables.Clear();
        int extra;
        var table = fold ? FoldTable(g, ld, out extra) : UnfoldTable(g, out extra);
        return Tables.GetOrAdd(key, (table, extra));
    }

    /// <summary>For each window offset q = i·KW + j, the L source offsets inside one channel of the image, padded to a multiple of 8.</summary>
    private static int[] UnfoldTable(in ConvGeometry g, out int lPadded)
    {
        int lp = lPadded = (g.L + 7) & ~7;
        var t = new int[g.KH * g.KW * lp];
        Array.Fill(t, -1);
        for (int i = 0; i < g.KH; i++)
            for (int j = 0; j < g.KW; j++)
                for (int oh = 0; oh < g.OH; oh++)
                    for (int ow = 0; ow < g.OW; ow++)
                    {
                        int y = oh * g.SH - g.PH + i, x = ow * g.SW - g.PW + j;
                        if (y >= 0 && y < g.H && x >= 0 && x < g.W) t[(i * g.KW + j) * lp + oh * g.OW + ow] = y * g.W + x;
                    }
        return t;
    }

    /// <summary>For each group of 8 pixels of one channel and each of the T = ⌈KH/SH⌉·⌈KW/SW⌉ windows that can cover a
    /// pixel (in (i, j) order), the offset of that entry inside the channel's rows of a column matrix with leading dimension ld.</summary>
    private static int[] FoldTable(in ConvGeometry g, int ld, out int taps)
    {
        int ti = (g.KH + g.SH - 1) / g.SH, tj = (g.KW + g.SW - 1) / g.SW, hw = g.H * g.W;
        taps = ti * tj;
        var t = new int[(hw + 7) / 8 * taps * 8];
        Array.Fill(t, -1);
        for (int px = 0; px < hw; px++)
        {
            int y = px / g.W, x = px % g.W, tap = 0;
            for (int i = 0; i < g.KH; i++)
            {
                int oy = y + g.PH - i;
                if (oy < 0 || oy % g.SH != 0 || oy / g.SH >= g.OH) continue;
                for (int j = 0; j < g.KW; j++)
                {
                    int ox = x + g.PW - j;
                    if (ox < 0 || ox % g.SW != 0 || ox / g.SW >= g.OW) continue;
                    t[(px / 8 * taps + tap++) * 8 + px % 8] = (i * g.KW + j) * ld + oy / g.SH * g.OW + ox / g.SW;
                }
            }
        }
        return t;
    }

    private static unsafe void UnfoldImageGather(float[] x, int xOff, in ConvGeometry g, float[] col, int colOff, int ld, int[] table, int lp)
    {
        int q = g.KH * g.KW, tail = g.L & 7, whole = g.L - tail;
        var tailMask = TailMask(tail);
        fixed (float* xp = x, cp = col)
        fixed (int* tp = table)
            for (int c = 0; c < g.C; c++)
            {
                float* src = xp + xOff + (long)c * g.H * g.W;
                if (c + 1 < g.C) Prefetch(cp + colOff + (long)(c + 1) * q * ld, q, ld, g.L);
                for (int w = 0; w < q; w++)
                {
                    int* idx = tp + w * lp;
                    float* dst = cp + colOff + (long)(c * q + w) * ld;
                    int l = 0;
                    for (; l < whole; l += 8) Avx.Store(dst + l, Gather(src, idx + l));
                    if (tail != 0) Avx.MaskStore(dst + l, tailMask, Gather(src, idx + l));
                }
            }
    }

    private static unsafe void FoldImageGather(float[] col, int colOff, int ld, in ConvGeometry g, float[] x, int xOff, int[] table, int taps)
    {
        int q = g.KH * g.KW, hw = g.H * g.W, tail = hw & 7, whole = hw - tail;
        var tailMask = TailMask(tail);
        fixed (float* xp = x, cp = col)
        fixed (int* tp = table)
            for (int c = 0; c < g.C; c++)
            {
                float* dst = xp + xOff + (long)c * hw, src = cp + colOff + (long)c * q * ld;
                if (c + 1 < g.C) Prefetch(src + (long)q * ld, q, ld, g.L);
                int* idx = tp;
                int px = 0;
                for (; px < whole; px += 8, idx += taps * 8) Avx.Store(dst + px, SumTaps(Avx.LoadVector256(dst + px), src, idx, taps));
                if (tail != 0) Avx.MaskStore(dst + px, tailMask, SumTaps(Avx.MaskLoad(dst + px, tailMask), src, idx, taps));
            }
    }

    // The next channel's rows of this image's columns: q rows of L floats, ld apart. The hardware prefetchers do
    // not follow this pattern, and the gathers (or stores) would otherwise wait on each line in turn. DCGAN 64→128
    // layer, batch 64: col2im 2.5–4.9 ms without, 0.85–1.2 ms with; im2col 1.9–2.6 ms without, 1.3–1.6 ms with.
    private static unsafe void Prefetch(float* rows, int q, int ld, int l)
    {
        for (int w = 0; w < q; w++)
            for (int e = 0; e < l; e += 16) Sse.Prefetch0(rows + (long)w * ld + e);
    }

    private static unsafe Vector256<float> SumTaps(Vector256<float> acc, float* src, int* idx, int taps)
    {
        for (int t = 0; t < taps; t++) acc += Gather(src, idx + t * 8);
        return acc;
    }

    // src[idx[0..8]], 0 where idx < 0.
    private static unsafe Vector256<float> Gather(float* src, int* idx)
    {
        var ix = Avx.LoadVector256(idx);
        var mask = Avx2.CompareGreaterThan(ix, Vector256.Create(-1)).AsSingle();
        return Avx2.GatherMaskVector256(Vector256<float>.Zero, src, ix, mask, 4);
    }

    private static Vector256<float> TailMask(int count) =>
        Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();
}
