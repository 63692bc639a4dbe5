using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The two innermost loops of the GotoBLAS/BLIS nest: sweeps the MR×NR micro-tiles of C that one packed
/// MC×KC block of op(A) and one packed KC×NC block of op(B) produce. Edge tiles go through a scratch tile.
/// </summary>
internal static unsafe class GemmMacro
{
    /// <summary>AVX-512 kernel (12×32) where the hardware has it, else the 6×16 Vector256 kernel.</summary>
    public static readonly bool Wide = Vector512.IsHardwareAccelerated;
    public static int MR => Wide ? GemmKernel512.MR : GemmKernel256.MR;
    public static int NR => Wide ? GemmKernel512.NR : GemmKernel256.NR;

    /// <summary>
    /// C[0..mc, 0..nc] = α·Σ_p pa·pb + β·C for panels packed by <see cref="GemmPacking"/>: ⌈mc/MR⌉ panels of
    /// MR×kc at <paramref name="pa"/>, ⌈nc/NR⌉ panels of kc×NR at <paramref name="pb"/>.
    /// </summary>
    public static void Run(int mc, int nc, int kc, float* pa, float* pb, float* c, int ldc, float alpha, float beta)
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
}
