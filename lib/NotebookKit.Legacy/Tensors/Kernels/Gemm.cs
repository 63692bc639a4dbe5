namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Single-precision matrix product C = α·op(A)·op(B) + β·C (row-major; op(X) = X or Xᵀ), the kernel
/// behind Matmul, Linear and convolution. β = 0 overwrites C (NaNs in C are not propagated).
/// Packed, cache-blocked, register-blocked (see <see cref="GemmBlocked"/>); large products split the rows
/// or columns of C over threads (<see cref="WorkSharing"/>). A·Bᵀ with a small C and a long k skips packing
/// (<see cref="GemmDot"/>), tiny products run as plain loops (<see cref="GemmSmall"/>). Results are
/// bit-identical for any <see cref="MaxThreads"/>: the path and the blocking depend only on the sizes, and k
/// is never split across threads.
/// </summary>
internal static class Gemm
{
    /// <summary>Threads a product may use (tests set 1 to check determinism).</summary>
    internal static int MaxThreads = Environment.ProcessorCount;

    /// <summary>Cache blocks: KC·NR floats of B fit L1 beside an A panel, MC·KC of A fit L2, a piece of C is at
    /// most NC columns wide, and the operand all threads share is packed in blocks of about SharedFloats (L3).</summary>
    internal static int KC = 256, MC = 144, NC = 2048, SharedFloats = 1 << 21;

    /// <summary>Below this many multiply-adds packing does not pay; below <see cref="ParallelMacs"/> threads do not.</summary>
    internal const long SmallMacs = 4096, ParallelMacs = 1L << 21;

    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc)
    {
        Validate(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) { ScaleC(m, n, beta, c, cOffset, ldc); return; }
        long macs = (long)m * n * k;
        if (macs < SmallMacs || n < 4)
        {
            GemmSmall.Sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        int threads = macs < ParallelMacs ? 1 : Math.Max(1, MaxThreads);
        if (GemmDot.Fits(transA, transB, m, n, k))
        {
            GemmDot.Sgemm(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
            return;
        }
        var p = new GemmProblem(transA, transB, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        GemmBlocked.Run(p, m, n, threads);
    }

    // BLAS semantics when there is nothing to multiply: C = β·C, and β = 0 writes zeros.
    private static void ScaleC(int m, int n, float beta, float[] c, int cOffset, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.AsSpan(cOffset + i * ldc, n);
            if (beta == 0) row.Clear();
            else if (beta != 1) for (int j = 0; j < n; j++) row[j] *= beta;
        }
    }

    private static void Validate(bool transA, bool transB, int m, int n, int k, float[] a, int aOffset, int lda,
        float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"Sgemm: sizes must be non-negative; got m={m}, n={n}, k={k}.");
        CheckOperand("A", transA, transA ? k : m, transA ? m : k, a, aOffset, lda, m, n, k);
        CheckOperand("B", transB, transB ? n : k, transB ? k : n, b, bOffset, ldb, m, n, k);
        CheckOperand("C", false, m, n, c, cOffset, ldc, m, n, k);
    }

    private static void CheckOperand(string name, bool trans, int rows, int cols, float[] x, int offset, int ld, int m, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (rows == 0 || cols == 0) return; // nothing is read or written
        if (ld < cols || offset < 0)
            throw new ArgumentException($"Sgemm (m={m}, n={n}, k={k}): {name}{(trans ? "ᵀ" : "")} is stored {rows}×{cols} and needs " +
                $"a leading dimension ≥ {cols} and offset ≥ 0; got ld={ld}, offset={offset}.", name);
        long need = offset + (long)(rows - 1) * ld + cols;
        if (need > x.Length)
            throw new ArgumentException($"Sgemm (m={m}, n={n}, k={k}): {name} stored {rows}×{cols} with ld={ld} at offset {offset} " +
                $"needs {need} elements but the array has {x.Length}.", name);
    }
}
