using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Shape ops. Reshape-like ops share storage (the data is always contiguous); the rest copy.
// Backward of a copy is the inverse copy (permute back, scatter-add back).
public sealed partial class Tensor
{
    /// <summary>The same elements viewed with another shape; one entry may be −1 (inferred). Shares storage.</summary>
    public Tensor Reshape(params int[] newShape) => ViewAs(ShapeUtil.InferShape(newShape, Numel, "Reshape", shape));

    /// <summary>Reshape to a shape already checked to hold <see cref="Numel"/> elements (the array becomes the view's own).</summary>
    private Tensor ViewAs(int[] s)
    {
        var o = MakeResult(s, data, "Reshape", this);
        var a = this;
        return o.WithBackward(() => { if (a.requiresGrad) Broadcasting.Add(a.GradBuffer(), o.grad!); });
    }

    /// <summary>Same as <see cref="Reshape"/> (storage is always contiguous, so every view is valid).</summary>
    public Tensor View(params int[] newShape) => Reshape(newShape);

    /// <summary>Flattens dims startDim..endDim into one, e.g. (N, 1, 28, 28).Flatten(1) → (N, 784).</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0) return Reshape(1);
        int s = ShapeUtil.NormalizeDim(startDim, Dim, "Flatten"), e = ShapeUtil.NormalizeDim(endDim, Dim, "Flatten");
        if (s > e) throw new ArgumentException($"Flatten: startDim {startDim} comes after endDim {endDim} for shape {ShapeString}.");
        var ns = new int[Dim - (e - s)];
        for (int i = 0; i < s; i++) ns[i] = shape[i];
        int m = 1;
        for (int i = s; i <= e; i++) m *= shape[i];
        ns[s] = m;
        for (int i = e + 1; i < Dim; i++) ns[i - (e - s)] = shape[i];
        return ViewAs(ns);
    }

    /// <summary>Splits <paramref name="dim"/> into <paramref name="sizes"/>, e.g. (N, 784).Unflatten(1, 1, 28, 28).</summary>
    public Tensor Unflatten(int dim, params int[] sizes)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Unflatten");
        var split = ShapeUtil.InferShape(sizes, shape[d], "Unflatten", [shape[d]]);
        var ns = new int[Dim - 1 + split.Length];
        shape.AsSpan(0, d).CopyTo(ns);
        split.CopyTo(ns, d);
        shape.AsSpan(d + 1).CopyTo(ns.AsSpan(d + split.Length));
        return ViewAs(ns);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(int dim)
    {
        int d = dim < 0 ? dim + Dim + 1 : dim;
        if (d < 0 || d > Dim) throw new ArgumentOutOfRangeException(nameof(dim), $"Unsqueeze: dimension {dim} is out of range for shape {ShapeString}.");
        var ns = new int[Dim + 1];
        shape.AsSpan(0, d).CopyTo(ns);
        ns[d] = 1;
        shape.AsSpan(d).CopyTo(ns.AsSpan(d + 1));
        return ViewAs(ns);
    }

    /// <summary>Removes dimension <paramref name="dim"/> if it has size 1.</summary>
    public Tensor Squeeze(int dim)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Squeeze");
        if (shape[d] != 1) return this;
        var ns = new int[Dim - 1];
        shape.AsSpan(0, d).CopyTo(ns);
        shape.AsSpan(d + 1).CopyTo(ns.AsSpan(d));
        return ViewAs(ns);
    }

    /// <summary>Swaps two dimensions (copies).</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        int d0 = ShapeUtil.NormalizeDim(dim0, Dim, "Transpose"), d1 = ShapeUtil.NormalizeDim(dim1, Dim, "Transpose");
        var perm = new int[Dim];
        for (int i = 0; i < Dim; i++) perm[i] = i;
        (perm[d0], perm[d1]) = (perm[d1], perm[d0]);
        return Permute(perm);
    }

    /// <summary>Transpose of a 2-d tensor (PyTorch: <c>x.T</c>).</summary>
    public Tensor T => Dim == 2 ? Transpose(0, 1)
        : throw new InvalidOperationException($"T: expects a 2-d tensor, got shape {ShapeString}; use Transpose(dim0, dim1).");

    /// <summary>Reorders dimensions: output dim i is input dim <paramref name="dims"/>[i] (copies).</summary>
    public Tensor Permute(params int[] dims)
    {
        if (dims.Length != Dim) throw new ArgumentException($"Permute: {dims.Length} dims given for shape {ShapeString}.");
        var p = dims.Select(d => ShapeUtil.NormalizeDim(d, Dim, "Permute")).ToArray();
        if (p.Distinct().Count() != Dim) throw new ArgumentException($"Permute: dims ({string.Join(", ", dims)}) repeat a dimension.");
        var ns = p.Select(d => shape[d]).ToArray();
        var y = NewDataUninitialized(Numel);
        PermuteCopy(data, shape, p, y, accumulate: false);
        var o = MakeResult(ns, y, "Permute", this);
        var a = this;
        var inverse = new int[Dim];
        for (int i = 0; i < Dim; i++) inverse[p[i]] = i;
        return o.WithBackward(() => { if (a.requiresGrad) PermuteCopy(o.grad!, ns, inverse, a.GradBuffer(), accumulate: true); });
    }

    // dst[permuted index] (+)= src[index]: walks dst in order, reading src through permuted strides.
    private static void PermuteCopy(float[] src, int[] srcShape, int[] perm, float[] dst, bool accumulate)
    {
        int rank = srcShape.Length;
        if (src.Length == 0) return;
        if (rank == 2 && perm[0] == 1)
        {
            int r = srcShape[0], c = srcShape[1];
            const int B = 32; // cache blocking for the 2-d case
            for (int i0 = 0; i0 < r; i0 += B)
                for (int j0 = 0; j0 < c; j0 += B)
                    for (int i = i0; i < Math.Min(i0 + B, r); i++)
                        for (int j = j0; j < Math.Min(j0 + B, c); j++)
                            if (accumulate) dst[j * r + i] += src[i * c + j]; else dst[j * r + i] = src[i * c + j];
            return;
        }
        var st = ShapeUtil.Strides(srcShape);
        var outShape = perm.Select(d => srcShape[d]).ToArray();
        var pst = perm.Select(d => st[d]).ToArray();
        var idx = new int[rank];
        int off = 0;
        for (int k = 0; k < dst.Length; k++)
        {
            if (accumulate) dst[k] += src[off]; else dst[k] = src[off];
            for (int d = rank - 1; d >= 0; d--)
            {
                idx[d]++; off += pst[d];
                if (idx[d] < outShape[d]) break;
                off -= pst[d] * outShape[d]; idx[d] = 0;
            }
        }
    }

    /// <summary>Elements start..start+length−1 along <paramref name="dim"/> (copies).</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Narrow");
        if (start < 0) start += shape[d];
        if (start < 0 || length < 0 || start + length > shape[d])
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Narrow: [{start}, {start + length}) is outside dimension {dim} of size {shape[d]} (shape {ShapeString}).");
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        var ns = (int[])shape.Clone(); ns[d] = length;
        var y = NewDataUninitialized(outer * length * inner);
        for (int o = 0; o < outer; o++)
            Array.Copy(data, (o * size + start) * inner, y, o * length * inner, length * inner);
        var res = MakeResult(ns, y, "Narrow", this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer();
            for (int o = 0; o < outer; o++)
                Broadcasting.Add(gx.AsSpan((o * size + start) * inner, length * inner), res.grad.AsSpan(o * length * inner, length * inner));
        });
    }

    /// <summary>Python's <c>x[start:end]</c> along <paramref name="dim"/>; negative bounds count from the end.</summary>
    public Tensor Slice(int dim, int start, int end)
    {
        int n = Size(dim);
        if (start < 0) start += n;
        if (end < 0) end += n;
        start = Math.Clamp(start, 0, n); end = Math.Clamp(end, start, n);
        return Narrow(dim, start, end - start);
    }

    /// <summary>Index <paramref name="index"/> along <paramref name="dim"/>, dropping that dimension.</summary>
    public Tensor Select(int dim, int index)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Select");
        if (index < 0) index += shape[d];
        return Narrow(d, index, 1).Squeeze(d);
    }

    /// <summary>Picks slices along <paramref name="dim"/> by index (repeats allowed); backward scatter-adds.
    /// The data loader uses it on dim 0 to gather a shuffled batch of rows.</summary>
    public Tensor IndexSelect(int dim, int[] indices)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "IndexSelect");
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        foreach (var ix in indices)
            if ((uint)ix >= (uint)size)
                throw new IndexOutOfRangeException($"IndexSelect: index {ix} is out of range for dimension {dim} of size {size} (shape {ShapeString}).");
        var ns = (int[])shape.Clone(); ns[d] = indices.Length;
        int m = indices.Length;
        var y = NewDataUninitialized(outer * m * inner);
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < m; j++)
                Array.Copy(data, (o * size + indices[j]) * inner, y, (o * m + j) * inner, inner);
        var res = MakeResult(ns, y, "IndexSelect", this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer();
            for (int o = 0; o < outer; o++)
                for (int j = 0; j < m; j++)
                    Broadcasting.Add(gx.AsSpan((o * size + indices[j]) * inner, inner), res.grad.AsSpan((o * m + j) * inner, inner));
        });
    }

    /// <summary>Concatenates along an existing dimension; all other sizes must match.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("Cat: needs at least one tensor.");
        var first = tensors[0];
        int d = ShapeUtil.NormalizeDim(dim, first.Dim, "Cat");
        int total = 0;
        foreach (var t in tensors)
        {
            bool ok = t.Dim == first.Dim;
            for (int i = 0; ok && i < t.Dim; i++) ok = i == d || t.shape[i] == first.shape[i];
            if (!ok)
                throw new ShapeMismatchException(
                    $"Cat: shapes {first.ShapeString} and {t.ShapeString} differ outside dimension {dim}; only that one may differ.");
            total += t.shape[d];
        }
        var ns = (int[])first.shape.Clone(); ns[d] = total;
        var (outer, _, inner) = ShapeUtil.Split(ns, d);
        var y = NewDataUninitialized(ShapeUtil.Numel(ns));
        int at = 0;
        foreach (var t in tensors)
        {
            int len = t.shape[d] * inner;
            for (int o = 0; o < outer; o++) Array.Copy(t.data, o * len, y, o * total * inner + at, len);
            at += len;
        }
        var parts = tensors.ToArray();
        var res = MakeResult(ns, y, "Cat", parts);
        return res.WithBackward(() =>
        {
            int at2 = 0;
            foreach (var t in parts)
            {
                int len = t.shape[d] * inner;
                if (t.requiresGrad)
                {
                    var gx = t.GradBuffer();
                    for (int o = 0; o < outer; o++)
                        Broadcasting.Add(gx.AsSpan(o * len, len), res.grad.AsSpan(o * total * inner + at2, len));
                }
                at2 += len;
            }
        });
    }

    /// <summary>Stacks equal-shaped tensors along a new dimension <paramref name="dim"/>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("Stack: needs at least one tensor.");
        foreach (var t in tensors)
            if (!ShapeUtil.SameShape(t.shape, tensors[0].shape))
                throw new ShapeMismatchException($"Stack: all tensors must have the same shape; got {tensors[0].ShapeString} and {t.ShapeString}.");
        return Cat(tensors.Select(t => t.Unsqueeze(dim)).ToArray(), dim);
    }
}
