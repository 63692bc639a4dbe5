using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// AVX2 fallback micro-kernel: a 6×16 tile of C in 12 ymm accumulators (of 16); each k step loads two B
/// vectors and broadcasts six A values.
/// </summary>
internal static unsafe class GemmKernel256
{
    public const int MR = 6, NR = 16;

    /// <summary>C[0..6, 0..16] = α·Σ_p a[p·6+r]·b[p·16+j] + β·C; β = 0 does not read C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel(int kc, float* a, float* b, float* c, int ldc, float alpha, float beta)
    {
        Vector256<float> c0_0 = default; Vector256<float> c0_1 = default;
        Vector256<float> c1_0 = default; Vector256<float> c1_1 = default;
        Vector256<float> c2_0 = default; Vector256<float> c2_1 = default;
        Vector256<float> c3_0 = default; Vector256<float> c3_1 = default;
        Vector256<float> c4_0 = default; Vector256<float> c4_1 = default;
        Vector256<float> c5_0 = default; Vector256<float> c5_1 = default;
        for (int p = 0; p < kc; p++, a += MR, b += NR)
        {
            var b0 = Vector256.Load(b + 0); var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]); c0_0 = Vector256.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector256.FusedMultiplyAdd(a0, b1, c0_1);
            var a1 = Vector256.Create(a[1]); c1_0 = Vector256.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector256.FusedMultiplyAdd(a1, b1, c1_1);
            var a2 = Vector256.Create(a[2]); c2_0 = Vector256.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector256.FusedMultiplyAdd(a2, b1, c2_1);
            var a3 = Vector256.Create(a[3]); c3_0 = Vector256.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector256.FusedMultiplyAdd(a3, b1, c3_1);
            var a4 = Vector256.Create(a[4]); c4_0 = Vector256.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector256.FusedMultiplyAdd(a4, b1, c4_1);
            var a5 = Vector256.Create(a[5]); c5_0 = Vector256.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector256.FusedMultiplyAdd(a5, b1, c5_1);
        }
        var va = Vector256.Create(alpha); var vb = Vector256.Create(beta);
        if (beta == 0)
        {
            (c0_0 * va).Store(c + 0 * ldc + 0); (c0_1 * va).Store(c + 0 * ldc + 8);
            (c1_0 * va).Store(c + 1 * ldc + 0); (c1_1 * va).Store(c + 1 * ldc + 8);
            (c2_0 * va).Store(c + 2 * ldc + 0); (c2_1 * va).Store(c + 2 * ldc + 8);
            (c3_0 * va).Store(c + 3 * ldc + 0); (c3_1 * va).Store(c + 3 * ldc + 8);
            (c4_0 * va).Store(c + 4 * ldc + 0); (c4_1 * va).Store(c + 4 * ldc + 8);
            (c5_0 * va).Store(c + 5 * ldc + 0); (c5_1 * va).Store(c + 5 * ldc + 8);
        }
        else
        {
            Update(c + 0 * ldc + 0, c0_0, va, vb); Update(c + 0 * ldc + 8, c0_1, va, vb);
            Update(c + 1 * ldc + 0, c1_0, va, vb); Update(c + 1 * ldc + 8, c1_1, va, vb);
            Update(c + 2 * ldc + 0, c2_0, va, vb); Update(c + 2 * ldc + 8, c2_1, va, vb);
            Update(c + 3 * ldc + 0, c3_0, va, vb); Update(c + 3 * ldc + 8, c3_1, va, vb);
            Update(c + 4 * ldc + 0, c4_0, va, vb); Update(c + 4 * ldc + 8, c4_1, va, vb);
            Update(c + 5 * ldc + 0, c5_0, va, vb); Update(c + 5 * ldc + 8, c5_1, va, vb);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(float* c, Vector256<float> acc, Vector256<float> alpha, Vector256<float> beta)
        => Vector256.FusedMultiplyAdd(acc, alpha, Vector256.Load(c) * beta).Store(c);
}
