using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The single-threaded GotoBLAS/BLIS loop nest: for each NC-column block of C and each KC slice of k, pack a
/// KC×NC block of op(B) (stays in L3, one KC×NR panel in L1); for each MC-row block pack an MC×KC block of
/// op(A) (stays in L2); then sweep MR×NR micro-tiles. Each element of C sees the k-slices in order and
/// each slice is summed from zero by one kernel, so the result does not depend on which rows/columns a
/// caller (thread) is given.
/// </summary>
internal static unsafe class GemmBlocked
{
    /// <summary>AVX-512 kernel (12×32) where the hardware has it, else the 6×16 Vector256 kernel.</summary>
    public static readonly bool Wide = Vector512.IsHardwareAccelerated;
    public static int MR => Wide ? GemmKernel512.MR : GemmKernel256.MR;
    public static int NR => Wide ? GemmKernel512.NR : GemmKernel256.NR;

    // Per-thread packing buffers, pinned so their addresses can be 64-byte aligned; grown, never shrunk.
    [ThreadStatic] private static float[]? packA, packB;

    /// <summary>C[i0..i0+m, j0..j0+n] of the problem, with k sliced into <paramref name="kcb"/>-deep blocks.</summary>
    public static void Run(in GemmProblem p, int i0, int m, int j0, int n, int kcb, int mcb, int ncb)
    {
        int mr = MR, nr = NR;
        var bufA = Rent(ref packA, mcb * kcb);
        var bufB = Rent(ref packB, RoundUp(Math.Min(ncb, n), nr) * kcb);
        fixed (float* pa = p.A, pb = p.B, pc = p.C, wa0 = bufA, wb0 = bufB)
        {
            float* a = pa + p.AOffset, b = pb + p.BOffset, wa = Align(wa0), wb = Align(wb0);
            for (int jc = 0; jc < n; jc += ncb)
            {
                int nc = Math.Min(ncb, n - jc);
                for (int pc0 = 0; pc0 < p.K; pc0 += kcb)
                {
                    int kc = Math.Min(kcb, p.K - pc0);
                    GemmPacking.PackB(p.TransB, b, p.Ldb, pc0, kc, j0 + jc, nc, nr, wb);
                    float beta = pc0 == 0 ? p.Beta : 1f; // later slices accumulate onto the first
                    for (int ic = 0; ic < m; ic += mcb)
                    {
                        int mc = Math.Min(mcb, m - ic);
                        GemmPacking.PackA(p.TransA, a, p.Lda, i0 + ic, mc, pc0, kc, mr, wa);
                        float* c = pc + p.COffset + (long)(i0 + ic) * p.Ldc + j0 + jc;
                        Macro(mc, nc, kc, wa, wb, c, p.Ldc, p.Alpha, beta);
                    }
                }
            }
        }
    }

    /// <summary>Sweeps the MR×NR tiles of one packed MC×KC by KC×NC block pair; edge tiles go through a scratch tile.</summary>
    private static void Macro(int mc, int nc, int kc, float* pa, float* pb, float* c, int ldc, float alpha, float beta)
    {
        int mr = MR, nr = NR;
        float* tmp = stackalloc float[GemmKernel512.MR * GemmKernel512.NR];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* bp = pb + (long)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                float* ap = pa + (long)ir * kc, cp = c + (long)ir * ldc + jr;
                if (rows == mr && cols == nr) Kernel(kc, ap, bp, cp, ldc, alpha, beta);
                else
                {
                    Kernel(kc, ap, bp, tmp, nr, 1f, 0f);
                    MergeEdge(tmp, nr, cp, ldc, rows, cols, alpha, beta);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(int kc, float* a, float* b, float* c, int ldc, float alpha, float beta)
    {
        if (Wide) GemmKernel512.Kernel(kc, a, b, c, ldc, alpha, beta);
        else GemmKernel256.Kernel(kc, a, b, c, ldc, alpha, beta);
    }

    // Same arithmetic as the kernels' store (α·acc, or fma(acc, α, β·c)), so edge elements round identically.
    private static void MergeEdge(float* t, int ldt, float* c, int ldc, int rows, int cols, float alpha, float beta)
    {
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
            {
                float acc = t[r * ldt + j];
                ref float cv = ref c[(long)r * ldc + j];
                cv = beta == 0 ? acc * alpha : MathF.FusedMultiplyAdd(acc, alpha, cv * beta);
            }
    }

    private static float[] Rent(ref float[]? buffer, int length)
    {
        if (buffer == null || buffer.Length < length + 16)
            buffer = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
        return buffer;
    }

    private static float* Align(float* p) => (float*)(((nint)p + 63) & ~(nint)63);

    public static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
