using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// C = α·A·Bᵀ + β·C when C is small and k long — the weight gradients of convolutions with few channels
/// (64×16 over k = 12,544 in the DCGAN): both operands are stored along k, so they are read as they lie and
/// nothing is packed (the packed path would copy 16× more than it multiplies and pad 16 columns to 32).
/// Each element is a dot product: 16 lane sums (lane l takes p ≡ l mod 16, in p order), reduced in a fixed
/// order, then the k mod 16 leftover terms in p order. Blocks of 4×4 elements share their loads; k is walked in
/// chunks that keep a group's rows of A and B in L2. Threads take groups of rows; the result bits do not
/// depend on how many.
/// </summary>
internal static unsafe class GemmDot
{
    private const int Rows = 4, Group = 16, Chunk = 2048;

    /// <summary>Whether this path takes the product: A·Bᵀ, C of at most 4,096 elements, k ≥ 512, AVX-512.</summary>
    public static bool Fits(bool transA, bool transB, int m, int n, int k) =>
        !transA && transB && (long)m * n <= 4096 && k >= 512 && Vector512.IsHardwareAccelerated;

    public static void Sgemm(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
        float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc, int threads)
    {
        WorkSharing.For((m + Group - 1) / Group, threads, new RowGroups(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
    }

    /// <summary>Group g: rows g·Group … of C.</summary>
    private readonly struct RowGroups(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
        float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) : WorkSharing.IParallelBody
    {
        public void Run(int g)
        {
            int i0 = g * Group, rows = Math.Min(Group, m - i0);
            fixed (float* pa = a, pb = b, pc = c)
                RowGroup(rows, n, k, alpha, pa + aOffset + (long)i0 * lda, lda, pb + bOffset, ldb, beta, pc + cOffset + (long)i0 * ldc, ldc);
        }
    }

    // The lane sums of a row group, per thread, grown and never shrunk (a fresh array each call cost up to 256 kB).
    [ThreadStatic] private static Vector512<float>[]? accumulators;

    // Rows i0 … i0+rows of C: lane sums of every 4×4 block kept in `acc` across the k-chunks.
    private static void RowGroup(int rows, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        int ib = (rows + Rows - 1) / Rows, jb = (n + Rows - 1) / Rows, k16 = k & ~15;
        int length = ib * jb * Rows * Rows;
        if (accumulators == null || accumulators.Length < length) accumulators = new Vector512<float>[length];
        var acc = accumulators.AsSpan(0, length);
        acc.Clear();
        fixed (Vector512<float>* s = acc)
        {
            for (int p0 = 0; p0 < k16; p0 += Chunk)
            {
                int p1 = Math.Min(k16, p0 + Chunk);
                for (int bj = 0; bj < jb; bj++)
                    for (int bi = 0; bi < ib; bi++)
                        Block(a, lda, bi * Rows, rows, b, ldb, bj * Rows, n, p0, p1, s + (bj * ib + bi) * Rows * Rows);
            }
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < n; j++)
                {
                    float sum = Vector512.Sum(s[((j / Rows) * ib + i / Rows) * Rows * Rows + (i % Rows) * Rows + j % Rows]);
                    for (int p = k16; p < k; p++) sum = MathF.FusedMultiplyAdd(a[(long)i * lda + p], b[(long)j * ldb + p], sum);
                    ref float cv = ref c[(long)i * ldc + j];
                    cv = beta == 0 ? sum * alpha : MathF.FusedMultiplyAdd(sum, alpha, cv * beta);
                }
        }
    }

    // Row r of x (count rows); past the last row it stays on the last (those sums are never read).
    private static float* Row(float* x, int ld, int r, int count) => x + (long)Math.Min(r, count - 1) * ld;

    // s[r·4 + t] += a[i+r, p0..p1] ⊙ b[j+t, p0..p1] lane by lane, for r, t < 4.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block(float* a, int lda, int i, int ma, float* b, int ldb, int j, int nb, int p0, int p1, Vector512<float>* s)
    {
        float* a0 = Row(a, lda, i, ma), a1 = Row(a, lda, i + 1, ma), a2 = Row(a, lda, i + 2, ma), a3 = Row(a, lda, i + 3, ma);
        float* b0 = Row(b, ldb, j, nb), b1 = Row(b, ldb, j + 1, nb), b2 = Row(b, ldb, j + 2, nb), b3 = Row(b, ldb, j + 3, nb);
        Vector512<float> s00 = s[0], s01 = s[1], s02 = s[2], s03 = s[3], s10 = s[4], s11 = s[5], s12 = s[6], s13 = s[7];
        Vector512<float> s20 = s[8], s21 = s[9], s22 = s[10], s23 = s[11], s30 = s[12], s31 = s[13], s32 = s[14], s33 = s[15];
        for (int p = p0; p < p1; p += 16)
        {
            var x0 = Vector512.Load(a0 + p); var x1 = Vector512.Load(a1 + p); var x2 = Vector512.Load(a2 + p); var x3 = Vector512.Load(a3 + p);
            var y0 = Vector512.Load(b0 + p); var y1 = Vector512.Load(b1 + p); var y2 = Vector512.Load(b2 + p); var y3 = Vector512.Load(b3 + p);
            s00 = Vector512.FusedMultiplyAdd(x0, y0, s00); s01 = Vector512.FusedMultiplyAdd(x0, y1, s01); s02 = Vector512.FusedMultiplyAdd(x0, y2, s02); s03 = Vector512.FusedMultiplyAdd(x0, y3, s03);
            s10 = Vector512.FusedMultiplyAdd(x1, y0, s10); s11 = Vector512.FusedMultiplyAdd(x1, y1, s11); s12 = Vector512.FusedMultiplyAdd(x1, y2, s12); s13 = Vector512.FusedMultiplyAdd(x1, y3, s13);
            s20 = Vector512.FusedMultiplyAdd(x2, y0, s20); s21 = Vector512.FusedMultiplyAdd(x2, y1, s21); s22 = Vector512.FusedMultiplyAdd(x2, y2, s22); s23 = Vector512.FusedMultiplyAdd(x2, y3, s23);
            s30 = Vector512.FusedMultiplyAdd(x3, y0, s30); s31 = Vector512.FusedMultiplyAdd(x3, y1, s31); s32 = Vector512.FusedMultiplyAdd(x3, y2, s32); s33 = Vector512.FusedMultiplyAdd(x3, y3, s33);
        }
        s[0] = s00; s[1] = s01; s[2] = s02; s[3] = s03; s[4] = s10; s[5] = s11; s[6] = s12; s[7] = s13;
        s[8] = s20; s[9] = s21; s[10] = s22; s[11] = s23; s[12] = s30; s[13] = s31; s[14] = s32; s[15] = s33;
    }
}
