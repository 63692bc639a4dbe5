using System.Numerics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>A binary element-wise function with a scalar and a SIMD form, inlined through generics.</summary>
internal interface IBinaryOp
{
    static abstract float Apply(float a, float b);
    static abstract Vector<float> Apply(Vector<float> a, Vector<float> b);
}

internal struct AddOp : IBinaryOp
{
    public static float Apply(float a, float b) => a + b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a + b;
}

internal struct SubOp : IBinaryOp
{
    public static float Apply(float a, float b) => a - b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a - b;
}

internal struct MulOp : IBinaryOp
{
    public static float Apply(float a, float b) => a * b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a * b;
}

internal struct DivOp : IBinaryOp
{
    public static float Apply(float a, float b) => a / b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a / b;
}

/// <summary>
/// Loops over two broadcast operands. The output is walked in rows of its last dimension; each operand's
/// row is either contiguous (stride 1) or a repeated scalar (stride 0), so every inner loop is SIMD.
/// </summary>
internal static class Broadcasting
{
    public static void Binary<TOp>(float[] a, ReadOnlySpan<int> aStrides, float[] b, ReadOnlySpan<int> bStrides, float[] o, int[] outShape)
        where TOp : IBinaryOp
    {
        int rank = outShape.Length;
        if (rank == 0) { o[0] = TOp.Apply(a[0], b[0]); return; }
        int inner = outShape[rank - 1];
        if (inner == 0 || o.Length == 0) return;
        int sa = aStrides[rank - 1], sb = bStrides[rank - 1];
        Span<int> idx = stackalloc int[rank];
        int rows = o.Length / inner;
        int ao = 0, bo = 0;
        for (int r = 0; r < rows; r++)
        {
            Row<TOp>(a.AsSpan(ao), sa, b.AsSpan(bo), sb, o.AsSpan(r * inner, inner));
            // Odometer over the leading dims, updating both operand offsets incrementally.
            for (int d = rank - 2; d >= 0; d--)
            {
                idx[d]++;
                ao += aStrides[d]; bo += bStrides[d];
                if (idx[d] < outShape[d]) break;
                ao -= aStrides[d] * outShape[d]; bo -= bStrides[d] * outShape[d];
                idx[d] = 0;
            }
        }
    }

    private static void Row<TOp>(ReadOnlySpan<float> a, int sa, ReadOnlySpan<float> b, int sb, Span<float> o)
        where TOp : IBinaryOp
    {
        int n = o.Length, i = 0, w = Vector<float>.Count;
        if (sa == 1 && sb == 1)
        {
            for (; i <= n - w; i += w) TOp.Apply(new Vector<float>(a.Slice(i)), new Vector<float>(b.Slice(i))).CopyTo(o.Slice(i));
            for (; i < n; i++) o[i] = TOp.Apply(a[i], b[i]);
        }
        else if (sa == 1)
        {
            var vb = new Vector<float>(b[0]);
            for (; i <= n - w; i += w) TOp.Apply(new Vector<float>(a.Slice(i)), vb).CopyTo(o.Slice(i));
            for (; i < n; i++) o[i] = TOp.Apply(a[i], b[0]);
        }
        else if (sb == 1)
        {
            var va = new Vector<float>(a[0]);
            for (; i <= n - w; i += w) TOp.Apply(va, new Vector<float>(b.Slice(i))).CopyTo(o.Slice(i));
            for (; i < n; i++) o[i] = TOp.Apply(a[0], b[i]);
        }
        else o.Fill(TOp.Apply(a[0], b[0]));
    }

    /// <summary>
    /// Adds <paramref name="src"/> (shaped <paramref name="outShape"/>) into <paramref name="dst"/>, summing over
    /// the dimensions along which dst was broadcast (its strides are 0 there): the backward of broadcasting.
    /// </summary>
    public static void AccumulateReduced(float[] src, int[] outShape, float[] dst, int[] dstStrides)
    {
        int rank = outShape.Length;
        if (rank == 0) { dst[0] += src[0]; return; }
        int inner = outShape[rank - 1];
        if (inner == 0 || src.Length == 0) return;
        int sd = dstStrides[rank - 1];
        Span<int> idx = stackalloc int[rank];
        int rows = src.Length / inner, off = 0;
        for (int r = 0; r < rows; r++)
        {
            var s = src.AsSpan(r * inner, inner);
            if (sd == 1) Add(dst.AsSpan(off, inner), s);
            else dst[off] += Sum(s);
            for (int d = rank - 2; d >= 0; d--)
            {
                idx[d]++;
                off += dstStrides[d];
                if (idx[d] < outShape[d]) break;
                off -= dstStrides[d] * outShape[d];
                idx[d] = 0;
            }
        }
    }

    /// <summary>dst += src, element-wise.</summary>
    public static void Add(Span<float> dst, ReadOnlySpan<float> src)
    {
        int i = 0, n = dst.Length, w = Vector<float>.Count;
        for (; i <= n - w; i += w) (new Vector<float>(dst.Slice(i)) + new Vector<float>(src.Slice(i))).CopyTo(dst.Slice(i));
        for (; i < n; i++) dst[i] += src[i];
    }

    /// <summary>Sum in a fixed order (vector lanes, then lanes in order), so results repeat bit for bit.</summary>
    public static float Sum(ReadOnlySpan<float> s)
    {
        int i = 0, n = s.Length, w = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        for (; i <= n - w; i += w) acc += new Vector<float>(s.Slice(i));
        float t = Vector.Sum(acc);
        for (; i < n; i++) t += s[i];
        return t;
    }
}
