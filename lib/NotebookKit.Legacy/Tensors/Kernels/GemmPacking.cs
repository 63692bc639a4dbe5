using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous panel layout the micro-kernels stream through, so
/// the kernels never see a transpose or a leading dimension. Partial panels are padded with zeros, which
/// lets edge tiles run the same kernel.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[i0..i0+mc, p0..p0+kc] as ⌈mc/mr⌉ panels; panel q holds element (q·mr + r, p) at
    /// q·mr·kc + p·mr + r. op(A)[i, p] = transA ? a[p·lda + i] : a[i·lda + p].
    /// </summary>
    public static void PackA(bool transA, float* a, int lda, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr, dst += mr * kc)
        {
            int rows = Math.Min(mr, mc - ir);
            if (transA)
            {
                // Row p of A holds column p of op(A): each k step is one contiguous run of rows.
                float* src = a + (long)p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++, src += lda)
                {
                    float* d = dst + p * mr;
                    int r = 0;
                    for (; r < rows; r++) d[r] = src[r];
                    for (; r < mr; r++) d[r] = 0;
                }
            }
            else if (rows == mr && mr >= 8 && Avx.IsSupported) TransposeRows(a + (long)(i0 + ir) * lda + p0, lda, kc, mr, dst);
            else
            {
                // Read each row of A contiguously and scatter it with stride mr.
                for (int r = 0; r < rows; r++)
                {
                    float* src = a + (long)(i0 + ir + r) * lda + p0;
                    float* d = dst + r;
                    for (int p = 0; p < kc; p++) d[p * mr] = src[p];
                }
                for (int r = rows; r < mr; r++)
                    for (int p = 0; p < kc; p++) dst[p * mr + r] = 0;
            }
        }
    }

    /// <summary>
    /// Packs op(B)[p0..p0+kc, j0..j0+nc] as ⌈nc/nr⌉ panels; panel q holds element (p, q·nr + j) at
    /// q·nr·kc + p·nr + j. op(B)[p, j] = transB ? b[j·ldb + p] : b[p·ldb + j].
    /// </summary>
    public static void PackB(bool transB, float* b, int ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr, dst += nr * kc)
        {
            int cols = Math.Min(nr, nc - jr);
            if (transB) PackBTransposed(b + (long)(j0 + jr) * ldb + p0, ldb, kc, cols, nr, dst);
            else
            {
                float* src = b + (long)p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb)
                {
                    float* d = dst + p * nr;
                    if (cols == nr && nr % 8 == 0)
                        for (int j = 0; j < nr; j += 8) Vector256.Store(Vector256.Load(src + j), d + j);
                    else
                    {
                        int j = 0;
                        for (; j < cols; j++) d[j] = src[j];
                        for (; j < nr; j++) d[j] = 0;
                    }
                }
            }
        }
    }

    // Row j of B holds column j of op(B): read it contiguously and scatter with stride nr.
    private static void PackBTransposed(float* src, int ldb, int kc, int cols, int nr, float* dst)
    {
        if (cols == nr && nr % 8 == 0 && Avx.IsSupported)
        {
            for (int j = 0; j < nr; j += 8) TransposeRows(src + (long)j * ldb, ldb, kc, 8, dst + j, nr);
            return;
        }
        for (int j = 0; j < cols; j++, src += ldb)
        {
            float* d = dst + j;
            for (int p = 0; p < kc; p++) d[p * nr] = src[p];
        }
        for (int j = cols; j < nr; j++)
            for (int p = 0; p < kc; p++) dst[p * nr + j] = 0;
    }

    /// <summary>
    /// dst[p·stride + r] = src[r·ld + p] for rows ≥ 8 rows and kc columns, in 8×8 blocks; with rows not a
    /// multiple of 8 the last block overlaps the previous one (same values written twice).
    /// </summary>
    private static void TransposeRows(float* src, int ld, int kc, int rows, float* dst, int stride = 0)
    {
        if (stride == 0) stride = rows;
        int p = 0;
        for (; p + 8 <= kc; p += 8)
            for (int r = 0; ; r = Math.Min(r + 8, rows - 8))
            {
                Transpose8x8(src + (long)r * ld + p, ld, dst + p * stride + r, stride);
                if (r == rows - 8) break;
            }
        for (; p < kc; p++)
            for (int r = 0; r < rows; r++) dst[p * stride + r] = src[(long)r * ld + p];
    }

    /// <summary>
    /// dst[c·dstStride + r] = src[r·ld + c] for an 8×8 block: unpack pairs of rows, shuffle to 4-row
    /// columns per 128-bit lane, then swap lanes (24 shuffles per 64 floats instead of 64 scalar scatters).
    /// </summary>
    private static void Transpose8x8(float* src, long ld, float* dst, int dstStride)
    {
        var r0 = Avx.LoadVector256(src); var r1 = Avx.LoadVector256(src + ld);
        var r2 = Avx.LoadVector256(src + 2 * ld); var r3 = Avx.LoadVector256(src + 3 * ld);
        var r4 = Avx.LoadVector256(src + 4 * ld); var r5 = Avx.LoadVector256(src + 5 * ld);
        var r6 = Avx.LoadVector256(src + 6 * ld); var r7 = Avx.LoadVector256(src + 7 * ld);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20)); Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20)); Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31)); Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31)); Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
