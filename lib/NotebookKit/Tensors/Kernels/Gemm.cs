using System.Numerics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Single-precision matrix product C = α·op(A)·op(B) + β·C (row-major; op(X) = X or Xᵀ), the kernel
/// behind Matmul, Linear and convolution. β = 0 overwrites C (NaNs in C are not propagated).
/// </summary>
internal static class Gemm
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc)
    {
        if (m == 0 || n == 0) return;
        // Interim kernel: row of C += a_ip * row of op(B), SIMD over j.
        var bt = transB ? TransposeCopy(b, bOffset, ldb, n, k) : null;
        int w = Vector<float>.Count;
        for (int i = 0; i < m; i++)
        {
            var crow = c.AsSpan(cOffset + i * ldc, n);
            if (beta == 0) crow.Clear(); else if (beta != 1) for (int j = 0; j < n; j++) crow[j] *= beta;
            for (int p = 0; p < k; p++)
            {
                float av = alpha * (transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p]);
                if (av == 0) continue;
                var brow = bt != null ? bt.AsSpan(p * n, n) : b.AsSpan(bOffset + p * ldb, n);
                var va = new Vector<float>(av);
                int j = 0;
                for (; j <= n - w; j += w) (new Vector<float>(crow.Slice(j)) + va * new Vector<float>(brow.Slice(j))).CopyTo(crow.Slice(j));
                for (; j < n; j++) crow[j] += av * brow[j];
            }
        }
    }

    private static float[] TransposeCopy(float[] b, int off, int ld, int rows, int cols)
    {
        var t = new float[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int q = 0; q < cols; q++) t[q * rows + r] = b[off + r * ld + q];
        return t;
    }
}
