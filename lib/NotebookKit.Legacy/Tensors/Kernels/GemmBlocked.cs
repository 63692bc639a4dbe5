using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The blocked SGEMM driver (the GotoBLAS/BLIS loop nest) and its split over threads. C is cut into pieces
/// along its longer side: blocks of rows when m ≥ n, else blocks of columns. The operand every piece
/// needs (op(B) for row blocks, op(A) for column blocks) is packed once, for all of k, into a buffer the
/// threads share; each piece packs its own part of the other operand one KC-deep slice at a time and
/// sweeps it with <see cref="GemmMacro"/>. Nothing is packed twice. Pieces are handed out one at a time,
/// several per thread, so a core slowed by other work passes its share to the other.
/// Every element of C sees the same k-slices in the same order, each summed from zero by one kernel call
/// and merged onto C, whichever piece or thread computes it: the result bits depend on the sizes alone.
/// </summary>
internal static unsafe class GemmBlocked
{
    // Packing buffers, pinned (their addresses stay valid) and 64-byte aligned; grown, never shrunk. The
    // shared one belongs to the thread that called Sgemm and is read by its helpers during the call.
    [ThreadStatic] private static float[]? privatePack, sharedPack;

    /// <summary>C = α·op(A)·op(B) + β·C for the m×n product of <paramref name="p"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Run(in GemmProblem p, int m, int n, int threads)
    {
        int kcb = Balanced(p.K, Gemm.KC, 1); // depends on k alone: fixes every element's summation order
        bool byRows = m >= n;
        int size = byRows ? m : n, unit = byRows ? GemmMacro.MR : GemmMacro.NR, pieces = Pieces(size, unit, byRows ? Gemm.MC : Gemm.NC, threads);
        // The shared operand spans the other side, in blocks of about SharedFloats (it is read from L3).
        int sharedSize = byRows ? n : m, sharedUnit = byRows ? GemmMacro.NR : GemmMacro.MR;
        int block = Balanced(sharedSize, Math.Max(sharedUnit, Gemm.SharedFloats / p.K / sharedUnit * sharedUnit), sharedUnit);
        float* shared = Rent(ref sharedPack, (long)RoundUp(block, sharedUnit) * p.K);
        for (int s0 = 0; s0 < sharedSize; s0 += block)
        {
            int bs = Math.Min(block, sharedSize - s0);
            PackShared(p, packB: byRows, s0, bs, kcb, shared, threads);
            WorkSharing.For(pieces, threads, new PiecesOfC(p, byRows, pieces, size, unit, s0, bs, kcb, (nint)shared));
        }
    }

    /// <summary>Piece t of C against the shared block b0..b0+bs (see <see cref="ComputePiece"/>).</summary>
    private readonly struct PiecesOfC(GemmProblem p, bool byRows, int pieces, int size, int unit, int b0, int bs, int kcb, nint shared)
        : WorkSharing.IParallelBody
    {
        public void Run(int t)
        {
            var (lo, hi) = Piece(t, pieces, size, unit);
            if (byRows) ComputePiece(p, true, lo, hi - lo, b0, bs, kcb, (float*)shared);
            else ComputePiece(p, false, b0, bs, lo, hi - lo, kcb, (float*)shared);
        }
    }

    /// <summary>
    /// The block of C at rows i0..i0+mc, columns j0..j0+nc, one k-slice at a time: pack this piece's own part of the
    /// other operand (its rows of op(A) for a row piece, its columns of op(B) for a column piece), then sweep it
    /// against the shared slice in MC-row blocks (one block of op(A) stays in L2 while the B panels pass through L1).
    /// </summary>
    private static void ComputePiece(in GemmProblem p, bool byRows, int i0, int mc, int j0, int nc, int kcb, float* shared)
    {
        int mr = GemmMacro.MR, nr = GemmMacro.NR, mcb = RoundUp(Gemm.MC, mr);
        long sharedStride = byRows ? RoundUp(nc, nr) : RoundUp(mc, mr);
        float* own = Rent(ref privatePack, (long)(byRows ? RoundUp(mc, mr) : RoundUp(nc, nr)) * kcb);
        fixed (float* a = p.A, b = p.B, c = p.C)
            for (int pc = 0; pc < p.K; pc += kcb)
            {
                int kc = Math.Min(kcb, p.K - pc);
                float* slice = shared + pc * sharedStride;
                if (byRows) GemmPacking.PackA(p.TransA, a + p.AOffset, p.Lda, i0, mc, pc, kc, mr, own);
                else GemmPacking.PackB(p.TransB, b + p.BOffset, p.Ldb, pc, kc, j0, nc, nr, own);
                float* pa = byRows ? own : slice, pb = byRows ? slice : own;
                for (int ic = 0; ic < mc; ic += mcb)
                    GemmMacro.Run(Math.Min(mcb, mc - ic), nc, kc, pa + (long)ic * kc, pb, c + p.COffset + (long)(i0 + ic) * p.Ldc + j0, p.Ldc,
                        p.Alpha, pc == 0 ? p.Beta : 1f); // later slices accumulate onto the first
            }
    }

    /// <summary>
    /// Packs op(B)[0..k, start..start+size] (<paramref name="packB"/>) or op(A)[start..start+size, 0..k] as
    /// consecutive k-slices of depth <paramref name="kcb"/>, each laid out as GemmPacking lays out one block
    /// (the slice at depth pc starts at pc·⌈size/unit⌉·unit), in groups of 8 panels spread over the threads.
    /// </summary>
    private static void PackShared(in GemmProblem p, bool packB, int start, int size, int kcb, float* dst, int threads)
    {
        const int PanelsPerGroup = 8;
        int unit = packB ? GemmMacro.NR : GemmMacro.MR, width = PanelsPerGroup * unit;
        int groups = (size + width - 1) / width, slices = (p.K + kcb - 1) / kcb;
        WorkSharing.For(slices * groups, threads, new SharedPanels(p, packB, start, size, kcb, (nint)dst, groups, width, unit));
    }

    /// <summary>Item i of <see cref="PackShared"/>: one group of panels of one k-slice.</summary>
    private readonly struct SharedPanels(GemmProblem p, bool packB, int start, int size, int kcb, nint dst, int groups, int width, int unit)
        : WorkSharing.IParallelBody
    {
        public void Run(int item)
        {
            long sliceStride = RoundUp(size, unit);
            int pc = item / groups * kcb, kc = Math.Min(kcb, p.K - pc), lo = item % groups * width, count = Math.Min(width, size - lo);
            float* to = (float*)dst + pc * sliceStride + (long)lo * kc;
            if (packB) fixed (float* b = p.B) GemmPacking.PackB(p.TransB, b + p.BOffset, p.Ldb, pc, kc, start + lo, count, unit, to);
            else fixed (float* a = p.A) GemmPacking.PackA(p.TransA, a + p.AOffset, p.Lda, start + lo, count, pc, kc, unit, to);
        }
    }

    /// <summary>How many pieces to cut a side of <paramref name="size"/> into: at most <paramref name="max"/> wide,
    /// four per thread when there are enough units for that.</summary>
    private static int Pieces(int size, int unit, int max, int threads)
    {
        int units = (size + unit - 1) / unit;
        return Math.Min(units, Math.Max((size + max - 1) / max, threads > 1 ? 4 * threads : 1));
    }

    /// <summary>Piece <paramref name="t"/> of <paramref name="pieces"/>: a run of whole units, the runs differing by at most one unit.</summary>
    private static (int Lo, int Hi) Piece(int t, int pieces, int size, int unit)
    {
        int units = (size + unit - 1) / unit;
        return ((int)((long)units * t / pieces) * unit, Math.Min((int)((long)units * (t + 1) / pieces) * unit, size));
    }

    /// <summary>Block size ≤ max (rounded up to a multiple), chosen so ⌈size/max⌉ blocks come out nearly equal.</summary>
    public static int Balanced(int size, int max, int multiple)
    {
        int blocks = (size + max - 1) / max;
        return RoundUp((size + blocks - 1) / blocks, multiple);
    }

    public static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    private static float* Rent(ref float[]? buffer, long length)
    {
        if (buffer == null || buffer.Length < length + 16)
            buffer = GC.AllocateUninitializedArray<float>(checked((int)length + 16), pinned: true);
        var p = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)(((nint)p + 63) & ~(nint)63);
    }
}
