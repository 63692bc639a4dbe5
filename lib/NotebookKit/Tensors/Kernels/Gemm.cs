namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// Single-precision matrix product C = α·op(A)·op(B) + β·C (row-major; op(X) = X or Xᵀ), the kernel
/// behind Matmul, Linear and convolution. β = 0 overwrites C (NaNs in C are not propagated).
/// Packed, cache-blocked, register-blocked (see <see cref="GemmBlocked"/>); large products split the rows
/// or columns of C over threads. Results are bit-identical for any <see cref="MaxThreads"/>: blocking
/// depends only on the sizes, and k is never split across threads.
/// </summary>
internal static class Gemm
{
    /// <summary>Threads a product may use (tests set 1 to check determinism).</summary>
    internal static int MaxThreads = Environment.ProcessorCount;

    /// <summary>Cache blocks: KC·NR floats of B fit L1 beside an A panel, MC·KC of A fit L2.</summary>
    internal static int KC = 256, MC = 144, NC = 2048;

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
        var p = new GemmProblem(transA, transB, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        int mr = GemmBlocked.MR, nr = GemmBlocked.NR;
        int kcb = Balanced(k, KC, 1); // depends on k alone: fixes every element's summation order
        // Split the longer side of C into contiguous runs of whole tiles. Two runs per thread, handed out
        // dynamically, so a core slowed by other work does not hold up the product; each run repacks the
        // shared operand, which costs a few percent.
        bool splitN = n >= m;
        int unit = splitN ? nr : mr, units = ((splitN ? n : m) + unit - 1) / unit;
        int threads = macs < ParallelMacs ? 1 : Math.Max(1, Math.Min(MaxThreads, units / 2));
        if (threads == 1)
        {
            GemmBlocked.Run(p, 0, m, 0, n, kcb, Balanced(m, MC, mr), Balanced(n, NC, nr));
            return;
        }
        int runs = Math.Min(units / 2, 2 * threads);
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int lo = (int)((long)units * t / runs) * unit, hi = Math.Min((int)((long)units * (t + 1) / runs) * unit, splitN ? n : m);
            if (splitN) GemmBlocked.Run(p, 0, m, lo, hi - lo, kcb, Balanced(m, MC, mr), Balanced(hi - lo, NC, nr));
            else GemmBlocked.Run(p, lo, hi - lo, 0, n, kcb, Balanced(hi - lo, MC, mr), Balanced(n, NC, nr));
        });
    }

    /// <summary>Block size ≤ max (rounded up to a multiple), chosen so ⌈size/max⌉ blocks come out nearly equal.</summary>
    private static int Balanced(int size, int max, int multiple)
    {
        int blocks = (size + max - 1) / max;
        return GemmBlocked.RoundUp((size + blocks - 1) / blocks, multiple);
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
