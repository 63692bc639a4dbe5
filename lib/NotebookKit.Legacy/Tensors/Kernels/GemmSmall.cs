namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Direct SGEMM for products too small (or too narrow, n &lt; 4) for packing to pay off:
/// c_ij = α·Σ_p op(A)_ip·op(B)_pj + β·c_ij, one fused multiply-add per term, in k order.
/// </summary>
internal static class GemmSmall
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc)
    {
        // Strides of op(A) along i and p, and of op(B) along p and j.
        int aI = transA ? 1 : lda, aP = transA ? lda : 1, bP = transB ? 1 : ldb, bJ = transB ? ldb : 1;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                int ai = aOffset + i * aI, bj = bOffset + j * bJ;
                for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[ai + p * aP], b[bj + p * bP], s);
                ref float cv = ref c[cOffset + i * ldc + j];
                cv = beta == 0 ? s * alpha : MathF.FusedMultiplyAdd(s, alpha, cv * beta);
            }
    }
}
