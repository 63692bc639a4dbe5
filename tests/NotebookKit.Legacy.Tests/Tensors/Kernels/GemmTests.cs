using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tests.Tensors.Kernels;

/// <summary>
/// Gemm.Sgemm against GemmReference.Sgemm (double accumulation). Tolerance per element:
/// 4·√(k+1)·2⁻²⁴·(|α|·Σ_p|a_ip·b_pj| + |β·c_ij|) + 1e-30 — float summation error grows like √k·ulp of the
/// magnitude for random signs; the factor 4 leaves headroom. Everything outside the addressed part of C
/// must be untouched, bit for bit.
/// </summary>
public class GemmTests
{
    public static TheoryData<bool, bool> Transposes => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    // Sizes around MR (12 or 6), NR (32 or 16), KC (256), MC (144), NC (2048), plus zeros, ones and primes.
    private static readonly (int M, int N, int K)[] Sizes =
    [
        (0, 5, 3), (5, 0, 3), (5, 3, 0), (1, 1, 1), (1, 37, 1), (2, 3, 5), (7, 13, 17), (6, 16, 1),
        (12, 32, 8), (11, 31, 33), (13, 33, 31), (17, 64, 64), (23, 97, 101), (24, 48, 255), (25, 65, 257),
        (12, 32, 256), (143, 33, 40), (145, 47, 300), (64, 512, 256), (128, 400, 784), (3, 1, 200), (200, 2, 9),
        (131, 3, 77), (5, 5000, 7), (13, 2100, 20), (289, 77, 513),
    ];

    [Theory, MemberData(nameof(Transposes))]
    public void MatchesReferenceOnEdgeSizes(bool transA, bool transB)
    {
        var rng = new Random(1);
        foreach (var (m, n, k) in Sizes) Check(rng, transA, transB, m, n, k, alpha: 1, beta: 0, pad: 0);
    }

    [Theory, MemberData(nameof(Transposes))]
    public void MatchesReferenceOnRandomSizesOffsetsAndScalars(bool transA, bool transB)
    {
        var rng = new Random(transA ? (transB ? 2 : 3) : (transB ? 4 : 5));
        float[] scalars = [0f, 1f, -0.75f, 2.5f];
        for (int trial = 0; trial < 60; trial++)
        {
            int m = rng.Next(0, 160), n = rng.Next(0, 160), k = rng.Next(0, 300);
            Check(rng, transA, transB, m, n, k, alpha: trial % 5 == 0 ? 1f : scalars[rng.Next(4)] + 0.5f,
                beta: scalars[rng.Next(4)], pad: rng.Next(0, 9));
        }
    }

    [Theory, MemberData(nameof(Transposes))]
    public void AlphaZeroAndKZeroScaleC(bool transA, bool transB)
    {
        var rng = new Random(6);
        Check(rng, transA, transB, 9, 40, 0, alpha: 1, beta: 0.5f, pad: 3);
        Check(rng, transA, transB, 9, 40, 30, alpha: 0, beta: -2f, pad: 3);
        Check(rng, transA, transB, 9, 40, 30, alpha: 0, beta: 0, pad: 1);
    }

    [Fact]
    public void BetaZeroIgnoresNaNInC()
    {
        var rng = new Random(7);
        foreach (var (m, n, k) in new[] { (3, 3, 3), (40, 70, 50) })
        {
            var a = Random(rng, m * k); var b = Random(rng, k * n);
            var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
            Gemm.Sgemm(false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n);
            Assert.All(c, v => Assert.False(float.IsNaN(v)));
        }
    }

    [Theory]
    [InlineData(300, 700, 520)] // split over columns
    [InlineData(900, 130, 600)] // split over rows
    [InlineData(128, 784, 400)]
    public void ResultIsBitIdenticalForOneAndTwoThreads(int m, int n, int k)
    {
        var rng = new Random(8);
        foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            var a = Random(rng, m * k); var b = Random(rng, k * n); var c0 = Random(rng, m * n);
            var c1 = (float[])c0.Clone(); var c2 = (float[])c0.Clone();
            int saved = Gemm.MaxThreads;
            try
            {
                Gemm.MaxThreads = 1;
                Gemm.Sgemm(ta, tb, m, n, k, 0.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.25f, c1, 0, n);
                Gemm.MaxThreads = 2;
                Gemm.Sgemm(ta, tb, m, n, k, 0.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.25f, c2, 0, n);
            }
            finally { Gemm.MaxThreads = saved; }
            Assert.Equal(c1, c2);
        }
    }

    // Leading dimensions of 1024 floats (4 KiB: every row of A, B and C starts on the same L1 and L2 cache sets)
    // and more, with edge tiles in both directions and k over several KC slices.
    [Theory, MemberData(nameof(Transposes))]
    public void MatchesReferenceWithPowerOfTwoLeadingDimensions(bool transA, bool transB)
    {
        var rng = new Random(9);
        foreach (var (m, n, k, ld) in new[] { (150, 70, 300, 1024), (37, 211, 520, 1024), (301, 33, 64, 2048), (24, 64, 257, 1024) })
            Check(rng, transA, transB, m, n, k, alpha: 1.5f, beta: 0.5f, pad: 3, ld: ld);
    }

    // Forces the shared operand into several blocks (three row blocks of op(A), or column blocks of op(B)),
    // on two threads; the bits must equal those of the default blocking.
    [Theory]
    [InlineData(100, 333, 300)] // column pieces, op(A) shared in blocks of rows
    [InlineData(333, 100, 300)] // row pieces, op(B) shared in blocks of columns
    public void SmallSharedBlocksMatchReferenceAndDefaultBits(int m, int n, int k)
    {
        foreach (var (ta, tb) in new[] { (false, false), (true, true) })
        {
            var rng = new Random(10);
            var a = Random(rng, m * k); var b = Random(rng, k * n); var c0 = Random(rng, m * n);
            var expected = (float[])c0.Clone(); var small = (float[])c0.Clone();
            Gemm.Sgemm(ta, tb, m, n, k, 0.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.25f, expected, 0, n);
            int saved = Gemm.SharedFloats;
            try
            {
                Gemm.SharedFloats = 40 * k;
                Gemm.Sgemm(ta, tb, m, n, k, 0.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.25f, small, 0, n);
                Check(rng, ta, tb, m, n, k, alpha: 0.5f, beta: 0.25f, pad: 2);
            }
            finally { Gemm.SharedFloats = saved; }
            Assert.Equal(expected, small);
        }
    }

    // A·Bᵀ with a small C and a long k takes the unpacked dot-product path (GemmDot): convolution weight
    // gradients such as 64×16 over k = 12,544; k mod 16 leftovers, partial 4×4 blocks, α/β, padded rows.
    [Theory]
    [InlineData(64, 16, 12544)]
    [InlineData(5, 3, 1000)]
    [InlineData(17, 7, 2049)]
    [InlineData(1, 64, 4111)]
    [InlineData(64, 64, 512)]
    public void LongKSmallCMatchesReference(int m, int n, int k)
    {
        var rng = new Random(11);
        Check(rng, false, true, m, n, k, alpha: 1, beta: 0, pad: 0);
        Check(rng, false, true, m, n, k, alpha: -0.75f, beta: 1, pad: 5);
    }

    [Fact]
    public void LongKSmallCIsBitIdenticalForOneAndTwoThreads()
    {
        var rng = new Random(12);
        int m = 64, n = 16, k = 12544;
        var a = Random(rng, m * k); var b = Random(rng, n * k); var c1 = Random(rng, m * n); var c2 = (float[])c1.Clone();
        int saved = Gemm.MaxThreads;
        try
        {
            Gemm.MaxThreads = 1;
            Gemm.Sgemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 1f, c1, 0, n);
            Gemm.MaxThreads = 2;
            Gemm.Sgemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 1f, c2, 0, n);
        }
        finally { Gemm.MaxThreads = saved; }
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void ShortArraysAreRejectedWithSizesInTheMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 4, 5, 6, 1, new float[23], 0, 6, new float[30], 0, 5, 0, new float[20], 0, 5));
        Assert.Contains("m=4, n=5, k=6", ex.Message);
        Assert.Contains("needs 24", ex.Message);
    }

    /// <summary>Runs both implementations on padded operands (ld = cols + pad, or <paramref name="ld"/> for all three;
    /// offset = pad) and compares all of C.</summary>
    private static void Check(Random rng, bool transA, bool transB, int m, int n, int k, float alpha, float beta, int pad, int ld = 0)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = ld > 0 ? ld : aCols + pad, ldb = ld > 0 ? ld : bCols + pad, ldc = ld > 0 ? ld : n + pad;
        var a = Random(rng, pad + aRows * lda + pad); var b = Random(rng, pad + bRows * ldb + pad);
        var c = Random(rng, pad + m * ldc + pad);
        var expected = (float[])c.Clone();
        GemmReference.Sgemm(transA, transB, m, n, k, alpha, a, pad, lda, b, pad, ldb, beta, expected, pad, ldc);
        var actual = (float[])c.Clone();
        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, pad, lda, b, pad, ldb, beta, actual, pad, ldc);
        for (int idx = 0; idx < c.Length; idx++)
        {
            int i = (idx - pad) / ldc, j = (idx - pad) % ldc;
            bool inside = idx >= pad && i < m && j < n;
            if (!inside) { Assert.True(BitConverter.SingleToInt32Bits(c[idx]) == BitConverter.SingleToInt32Bits(actual[idx]), $"C[{idx}] outside the product was modified ({Case()})"); continue; }
            double mag = Math.Abs(beta * c[idx]);
            for (int p = 0; p < k; p++)
                mag += Math.Abs(alpha * (double)(transA ? a[pad + p * lda + i] : a[pad + i * lda + p]) * (transB ? b[pad + j * ldb + p] : b[pad + p * ldb + j]));
            double tol = 4 * Math.Sqrt(k + 1) * Math.Pow(2, -24) * mag + 1e-30;
            Assert.True(Math.Abs(actual[idx] - expected[idx]) <= tol,
                $"C[{i},{j}] = {actual[idx]}, reference {expected[idx]}, tol {tol:g3} ({Case()})");
        }
        string Case() => $"transA={transA}, transB={transB}, m={m}, n={n}, k={k}, alpha={alpha}, beta={beta}, pad={pad}";
    }

    private static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}
