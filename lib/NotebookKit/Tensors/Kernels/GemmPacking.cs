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
                    if (cols == nr) Buffer.MemoryCopy(src, d, nr * sizeof(float), nr * sizeof(float));
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
        for (int j = 0; j < cols; j++, src += ldb)
        {
            float* d = dst + j;
            for (int p = 0; p < kc; p++) d[p * nr] = src[p];
        }
        for (int j = cols; j < nr; j++)
            for (int p = 0; p < kc; p++) dst[p * nr + j] = 0;
    }
}
