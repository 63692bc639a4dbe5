using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// AVX-512 register-blocked micro-kernel: a 12×32 tile of C lives in 24 zmm accumulators; each k step
/// loads two B vectors and broadcasts twelve A values (24 FMAs per 14 loads). Generated-style code: one line per row.
/// </summary>
internal static unsafe class GemmKernel512
{
    public const int MR = 12, NR = 32;

    /// <summary>C[0..12, 0..32] = α·Σ_p a[p·12+r]·b[p·32+j] + β·C; β = 0 does not read C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel(int kc, float* a, float* b, float* c, int ldc, float alpha, float beta)
    {
        Vector512<float> c0_0 = default; Vector512<float> c0_1 = default;
        Vector512<float> c1_0 = default; Vector512<float> c1_1 = default;
        Vector512<float> c2_0 = default; Vector512<float> c2_1 = default;
        Vector512<float> c3_0 = default; Vector512<float> c3_1 = default;
        Vector512<float> c4_0 = default; Vector512<float> c4_1 = default;
        Vector512<float> c5_0 = default; Vector512<float> c5_1 = default;
        Vector512<float> c6_0 = default; Vector512<float> c6_1 = default;
        Vector512<float> c7_0 = default; Vector512<float> c7_1 = default;
        Vector512<float> c8_0 = default; Vector512<float> c8_1 = default;
        Vector512<float> c9_0 = default; Vector512<float> c9_1 = default;
        Vector512<float> c10_0 = default; Vector512<float> c10_1 = default;
        Vector512<float> c11_0 = default; Vector512<float> c11_1 = default;
        for (int p = 0; p < kc; p++, a += MR, b += NR)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]); c0_0 = Vector512.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector512.FusedMultiplyAdd(a0, b1, c0_1);
            var a1 = Vector512.Create(a[1]); c1_0 = Vector512.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector512.FusedMultiplyAdd(a1, b1, c1_1);
            var a2 = Vector512.Create(a[2]); c2_0 = Vector512.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector512.FusedMultiplyAdd(a2, b1, c2_1);
            var a3 = Vector512.Create(a[3]); c3_0 = Vector512.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector512.FusedMultiplyAdd(a3, b1, c3_1);
            var a4 = Vector512.Create(a[4]); c4_0 = Vector512.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector512.FusedMultiplyAdd(a4, b1, c4_1);
            var a5 = Vector512.Create(a[5]); c5_0 = Vector512.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector512.FusedMultiplyAdd(a5, b1, c5_1);
            var a6 = Vector512.Create(a[6]); c6_0 = Vector512.FusedMultiplyAdd(a6, b0, c6_0); c6_1 = Vector512.FusedMultiplyAdd(a6, b1, c6_1);
            var a7 = Vector512.Create(a[7]); c7_0 = Vector512.FusedMultiplyAdd(a7, b0, c7_0); c7_1 = Vector512.FusedMultiplyAdd(a7, b1, c7_1);
            var a8 = Vector512.Create(a[8]); c8_0 = Vector512.FusedMultiplyAdd(a8, b0, c8_0); c8_1 = Vector512.FusedMultiplyAdd(a8, b1, c8_1);
            var a9 = Vector512.Create(a[9]); c9_0 = Vector512.FusedMultiplyAdd(a9, b0, c9_0); c9_1 = Vector512.FusedMultiplyAdd(a9, b1, c9_1);
            var a10 = Vector512.Create(a[10]); c10_0 = Vector512.FusedMultiplyAdd(a10, b0, c10_0); c10_1 = Vector512.FusedMultiplyAdd(a10, b1, c10_1);
            var a11 = Vector512.Create(a[11]); c11_0 = Vector512.FusedMultiplyAdd(a11, b0, c11_0); c11_1 = Vector512.FusedMultiplyAdd(a11, b1, c11_1);
        }
        var va = Vector512.Create(alpha); var vb = Vector512.Create(beta);
        if (beta == 0)
        {
            (c0_0 * va).Store(c + 0 * ldc + 0); (c0_1 * va).Store(c + 0 * ldc + 16);
            (c1_0 * va).Store(c + 1 * ldc + 0); (c1_1 * va).Store(c + 1 * ldc + 16);
            (c2_0 * va).Store(c + 2 * ldc + 0); (c2_1 * va).Store(c + 2 * ldc + 16);
            (c3_0 * va).Store(c + 3 * ldc + 0); (c3_1 * va).Store(c + 3 * ldc + 16);
            (c4_0 * va).Store(c + 4 * ldc + 0); (c4_1 * va).Store(c + 4 * ldc + 16);
            (c5_0 * va).Store(c + 5 * ldc + 0); (c5_1 * va).Store(c + 5 * ldc + 16);
            (c6_0 * va).Store(c + 6 * ldc + 0); (c6_1 * va).Store(c + 6 * ldc + 16);
            (c7_0 * va).Store(c + 7 * ldc + 0); (c7_1 * va).Store(c + 7 * ldc + 16);
            (c8_0 * va).Store(c + 8 * ldc + 0); (c8_1 * va).Store(c + 8 * ldc + 16);
            (c9_0 * va).Store(c + 9 * ldc + 0); (c9_1 * va).Store(c + 9 * ldc + 16);
            (c10_0 * va).Store(c + 10 * ldc + 0); (c10_1 * va).Store(c + 10 * ldc + 16);
            (c11_0 * va).Store(c + 11 * ldc + 0); (c11_1 * va).Store(c + 11 * ldc + 16);
        }
        else
        {
            Update(c + 0 * ldc + 0, c0_0, va, vb); Update(c + 0 * ldc + 16, c0_1, va, vb);
            Update(c + 1 * ldc + 0, c1_0, va, vb); Update(c + 1 * ldc + 16, c1_1, va, vb);
            Update(c + 2 * ldc + 0, c2_0, va, vb); Update(c + 2 * ldc + 16, c2_1, va, vb);
            Update(c + 3 * ldc + 0, c3_0, va, vb); Update(c + 3 * ldc + 16, c3_1, va, vb);
            Update(c + 4 * ldc + 0, c4_0, va, vb); Update(c + 4 * ldc + 16, c4_1, va, vb);
            Update(c + 5 * ldc + 0, c5_0, va, vb); Update(c + 5 * ldc + 16, c5_1, va, vb);
            Update(c + 6 * ldc + 0, c6_0, va, vb); Update(c + 6 * ldc + 16, c6_1, va, vb);
            Update(c + 7 * ldc + 0, c7_0, va, vb); Update(c + 7 * ldc + 16, c7_1, va, vb);
            Update(c + 8 * ldc + 0, c8_0, va, vb); Update(c + 8 * ldc + 16, c8_1, va, vb);
            Update(c + 9 * ldc + 0, c9_0, va, vb); Update(c + 9 * ldc + 16, c9_1, va, vb);
            Update(c + 10 * ldc + 0, c10_0, va, vb); Update(c + 10 * ldc + 16, c10_1, va, vb);
            Update(c + 11 * ldc + 0, c11_0, va, vb); Update(c + 11 * ldc + 16, c11_1, va, vb);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(float* c, Vector512<float> acc, Vector512<float> alpha, Vector512<float> beta)
        => Vector512.FusedMultiplyAdd(acc, alpha, Vector512.Load(c) * beta).Store(c);
}
