using System.Globalization;
using System.Text;

namespace NotebookKit.Tensors;

/// <summary>
/// A float32 n-dimensional array that records the operations applied to it, so that
/// <see cref="Backward"/> can compute gradients (reverse-mode automatic differentiation).
/// Storage is always contiguous and row-major; shape-changing views such as
/// <see cref="Reshape"/> share the storage, everything else allocates its result — from a pool of reused
/// buffers while a <see cref="DisposeScope"/> is open (see <see cref="Torch.NewDisposeScope"/>).
/// </summary>
/// <remarks>
/// Mirrors <c>torch.Tensor</c>: <c>x.Sum()</c>, <c>x.Matmul(w)</c>, <c>x.Relu()</c>,
/// <c>loss.Backward()</c>, <c>w.Grad</c>. Create tensors with <see cref="Torch"/>.
/// </remarks>
public sealed partial class Tensor
{
    private readonly float[] storage;
    internal readonly int[] shape;

    /// <summary>The elements, row-major. Throws once the tensor is disposed, so a stale tensor can never read
    /// (or write) storage that the pool has handed to another tensor.</summary>
    internal float[] data
    {
        get
        {
            if (disposed) ThrowDisposed();
            return storage;
        }
    }

    /// <summary>Wraps <paramref name="data"/> without taking it over: the storage never goes to the pool.</summary>
    internal Tensor(int[] shape, float[] data)
    {
        this.shape = shape;
        storage = data;
        Numel = ShapeUtil.Numel(shape);
        if (data.Length != Numel)
            throw new ArgumentException(
                $"Tensor: shape {ShapeUtil.Format(shape)} holds {Numel} elements but the data has {data.Length}.");
        DisposeScope.Current?.Own(this);
    }

    /// <summary>A zero-filled tensor that owns its storage (pooled inside a dispose scope).</summary>
    internal Tensor(int[] shape, string origin) : this(shape, NewData(ShapeUtil.Numel(shape)))
    {
        this.origin = origin;
        pooled = scope != null;
    }

    /// <summary>The sizes of the dimensions, e.g. <c>[128, 784]</c> (a copy: tensors are not resized in place).</summary>
    public int[] Shape => (int[])shape.Clone();

    /// <summary>Number of dimensions (PyTorch: <c>dim()</c>).</summary>
    public int Dim => shape.Length;

    /// <summary>Total number of elements (PyTorch: <c>numel()</c>).</summary>
    public int Numel { get; }

    /// <summary>The size of one dimension; negative <paramref name="dim"/> counts from the end.</summary>
    public int Size(int dim) => shape[ShapeUtil.NormalizeDim(dim, shape.Length, "Size")];

    /// <summary>The single value of a one-element tensor (PyTorch: <c>item()</c>).</summary>
    public float Item()
    {
        if (Numel != 1)
            throw new InvalidOperationException(
                $"Item(): only one-element tensors can be converted to a number; this one has shape {ShapeUtil.Format(shape)}.");
        return data[0];
    }

    /// <summary>A copy of the elements in row-major order.</summary>
    public float[] ToArray() => (float[])data.Clone();

    /// <summary>Read-only access to the elements in row-major order, without copying.</summary>
    public ReadOnlySpan<float> AsSpan() => data;

    /// <summary>The element at a full index, e.g. <c>x.At(0, 3)</c>.</summary>
    public float At(params int[] index) => data[ShapeUtil.Offset(shape, index)];

    /// <summary>Row <paramref name="i"/> along the first dimension (PyTorch: <c>x[i]</c>); differentiable.</summary>
    [System.Runtime.CompilerServices.IndexerName("Row")] // "Item" is taken by Item()
    public Tensor this[int i] => Select(0, i);

    /// <summary>Shape as PyTorch prints it, e.g. <c>(128, 784)</c>.</summary>
    public string ShapeString => ShapeUtil.Format(shape);

    public override string ToString()
    {
        if (disposed) return $"tensor(<disposed>, shape={ShapeUtil.Format(shape)})";
        var sb = new StringBuilder("tensor(");
        AppendValues(sb, 0, 0, 7);
        sb.Append(", shape=").Append(ShapeUtil.Format(shape));
        if (gradFn != null) sb.Append(", grad_fn=").Append(gradFn);
        else if (RequiresGrad) sb.Append(", requires_grad=True");
        return sb.Append(')').ToString();
    }

    // Prints at most `edge` leading and trailing entries per dimension, as PyTorch summarises large tensors.
    private void AppendValues(StringBuilder sb, int dim, int offset, int edge)
    {
        if (shape.Length == 0) { sb.Append(Format(data[0])); return; }
        int n = shape[dim];
        int stride = ShapeUtil.Numel(shape.AsSpan(dim + 1));
        sb.Append('[');
        for (int i = 0; i < n; i++)
        {
            if (n > 2 * edge && i == edge) { sb.Append("..., "); i = n - edge; }
            if (dim == shape.Length - 1) sb.Append(Format(data[offset + i]));
            else AppendValues(sb, dim + 1, offset + i * stride, edge);
            if (i < n - 1) sb.Append(", ");
        }
        sb.Append(']');
    }

    private static string Format(float v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
