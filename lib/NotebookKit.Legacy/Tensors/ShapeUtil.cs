namespace NotebookKit.Tensors;

/// <summary>Shape arithmetic shared by the ops: element counts, strides, broadcasting, dim checks.</summary>
internal static class ShapeUtil
{
    public static int Numel(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"Shape {Format(shape)} has a negative size.");
            n *= s;
        }
        if (n > Array.MaxLength) throw new ArgumentException($"Shape {Format(shape)} has {n} elements, more than an array can hold.");
        return (int)n;
    }

    public static string Format(ReadOnlySpan<int> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape.ToArray()) + ")";

    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var st = new int[shape.Length];
        Strides(shape, st);
        return st;
    }

    /// <summary>Row-major strides written into <paramref name="strides"/> (e.g. a stackalloc'd span).</summary>
    public static void Strides(ReadOnlySpan<int> shape, Span<int> strides)
    {
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]; }
    }

    public static int NormalizeDim(int dim, int rank, string op)
    {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"{op}: dimension {dim} is out of range for a tensor with {rank} dimension(s) (valid: {-rank}..{rank - 1}).");
        return d;
    }

    public static int Offset(int[] shape, int[] index)
    {
        if (index.Length != shape.Length)
            throw new ArgumentException($"At: index has {index.Length} entries but the tensor has shape {Format(shape)}.");
        int off = 0;
        for (int i = 0; i < shape.Length; i++)
        {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if ((uint)ix >= (uint)shape[i])
                throw new IndexOutOfRangeException($"At: index {index[i]} is out of range for dimension {i} of size {shape[i]}.");
            off = off * shape[i] + ix;
        }
        return off;
    }

    /// <summary>NumPy broadcasting: align trailing dims; sizes must match or be 1.</summary>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        int r = Math.Max(a.Length, b.Length);
        var o = new int[r];
        for (int i = 0; i < r; i++)
        {
            int da = i < r - a.Length ? 1 : a[i - (r - a.Length)];
            int db = i < r - b.Length ? 1 : b[i - (r - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ShapeMismatchException(
                    $"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast: dimension {i} is {da} vs {db} " +
                    "(sizes must be equal or one of them 1). Reshape one operand or check the batch dimension.");
            o[i] = da == 1 ? db : da;
        }
        return o;
    }

    /// <summary>Strides of <paramref name="shape"/> viewed as <paramref name="outShape"/>: 0 where broadcast.</summary>
    public static int[] BroadcastStrides(int[] shape, int[] outShape)
    {
        var st = new int[outShape.Length];
        int lead = outShape.Length - shape.Length, own = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            st[lead + i] = shape[i] == 1 && outShape[lead + i] != 1 ? 0 : own;
            own *= shape[i];
        }
        return st;
    }

    public static bool SameShape(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary><paramref name="shape"/> with its last size replaced, e.g. (N, in) → (N, out) for a matrix product.</summary>
    public static int[] WithLast(int[] shape, int last)
    {
        var s = (int[])shape.Clone();
        s[^1] = last;
        return s;
    }

    /// <summary>Resolves one -1 entry of a requested shape against a known element count.</summary>
    public static int[] InferShape(int[] requested, int numel, string op, int[] from)
    {
        var s = (int[])requested.Clone();
        int infer = -1, known = 1;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException($"{op}: only one dimension can be -1, got {Format(requested)}.");
                infer = i;
            }
            else if (s[i] < 0) throw new ArgumentException($"{op}: invalid size {s[i]} in {Format(requested)}.");
            else known *= s[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ShapeMismatchException($"{op}: cannot view shape {Format(from)} ({numel} elements) as {Format(requested)}.");
            s[infer] = numel / known;
        }
        if (Numel(s) != numel)
            throw new ShapeMismatchException(
                $"{op}: cannot view shape {Format(from)} ({numel} elements) as {Format(requested)} ({Numel(s)} elements).");
        return s;
    }

    /// <summary>Splits a shape around <paramref name="dim"/> into (outer, size, inner) for reductions.</summary>
    public static (int Outer, int Size, int Inner) Split(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dim; i++) outer *= shape[i];
        for (int i = dim + 1; i < shape.Length; i++) inner *= shape[i];
        return (outer, shape[dim], inner);
    }
}
