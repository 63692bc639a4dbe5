namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The readable definition of SGEMM that the fast kernel is tested against:
/// C = α·op(A)·op(B) + β·C, row-major, op(X) = X or Xᵀ. Accumulates in double.
/// </summary>
internal static class GemmReference
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    s += (double)av * bv;
                }
                ref float cv = ref c[cOffset + i * ldc + j];
                cv = (float)(alpha * s + (beta == 0 ? 0 : beta * cv));
            }
    }
}
