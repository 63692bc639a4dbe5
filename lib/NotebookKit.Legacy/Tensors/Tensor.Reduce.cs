using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Reductions over one dimension, seen as (outer, size, inner). Sums run in a fixed order so that
// results repeat bit for bit. Backward broadcasts the gradient back over the reduced dimension.
public sealed partial class Tensor
{
    /// <summary>Sum of all elements, a 0-d tensor. ∂/∂xᵢ = 1.</summary>
    public Tensor Sum()
    {
        var y = NewDataUninitialized(1);
        y[0] = Broadcasting.Sum(data);
        var o = MakeResult([], y, "Sum", this);
        var a = this;
        return o.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer();
            float g = o.grad![0];
            for (int i = 0; i < gx.Length; i++) gx[i] += g;
        });
    }

    /// <summary>Sum over <paramref name="dim"/>; the dimension is dropped unless <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => SumScaled(dim, keepDim, 1f, "Sum");

    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Numel == 0
        ? throw new InvalidOperationException("Mean(): the tensor is empty.")
        : Sum() * (1f / Numel);

    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Mean");
        return SumScaled(d, keepDim, 1f / shape[d], "Mean");
    }

    private Tensor SumScaled(int dim, bool keepDim, float scale, string op)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, op);
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        var y = NewData(outer * inner);
        for (int o = 0; o < outer; o++)
        {
            var row = y.AsSpan(o * inner, inner);
            for (int s = 0; s < size; s++) Broadcasting.Add(row, data.AsSpan((o * size + s) * inner, inner));
            if (scale != 1f) for (int i = 0; i < inner; i++) row[i] *= scale;
        }
        var res = MakeResult(ReducedShape(d, keepDim), y, op, this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer();
            var g = res.grad!;
            for (int o = 0; o < outer; o++)
                for (int s = 0; s < size; s++)
                {
                    int bx = (o * size + s) * inner, bg = o * inner;
                    for (int i = 0; i < inner; i++) gx[bx + i] += g[bg + i] * scale;
                }
        });
    }

    /// <summary>Largest element, a 0-d tensor; the gradient goes to the first maximum.</summary>
    public Tensor Max() => Reshape(-1).Max(0);

    /// <summary>Largest value along <paramref name="dim"/> (PyTorch's <c>max(dim).values</c>); the gradient goes to the
    /// first maximum in each slice. Use <see cref="ArgMax"/> for the positions.</summary>
    public Tensor Max(int dim, bool keepDim = false)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "Max");
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        if (size == 0) throw new InvalidOperationException($"Max: dimension {dim} of shape {ShapeString} is empty.");
        var arg = ArgMaxIndices(d);
        var y = NewDataUninitialized(outer * inner);
        var x = data;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                y[o * inner + i] = x[(o * size + arg[o * inner + i]) * inner + i];
        var res = MakeResult(ReducedShape(d, keepDim), y, "Max", this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer();
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                    gx[(o * size + arg[o * inner + i]) * inner + i] += res.grad![o * inner + i];
        });
    }

    /// <summary>Index of the largest value along <paramref name="dim"/>, as float values (not differentiable).</summary>
    public Tensor ArgMax(int dim, bool keepDim = false)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, "ArgMax");
        var arg = ArgMaxIndices(d);
        var y = NewDataUninitialized(arg.Length);
        for (int i = 0; i < y.Length; i++) y[i] = arg[i];
        return Owning(ReducedShape(d, keepDim), y, "ArgMax");
    }

    private int[] ArgMaxIndices(int d)
    {
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        var arg = new int[outer * inner];
        var data = this.data;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int best = 0; float bv = data[o * size * inner + i];
                for (int s = 1; s < size; s++)
                {
                    float v = data[(o * size + s) * inner + i];
                    if (v > bv || (float.IsNaN(v) && !float.IsNaN(bv))) { bv = v; best = s; }
                }
                arg[o * inner + i] = best;
            }
        return arg;
    }

    private int[] ReducedShape(int d, bool keepDim)
    {
        if (keepDim)
        {
            var k = (int[])shape.Clone();
            k[d] = 1;
            return k;
        }
        var s = new int[shape.Length - 1];
        for (int i = 0, j = 0; i < shape.Length; i++)
            if (i != d) s[j++] = shape[i];
        return s;
    }

    /// <summary>softmax(x)ᵢ = e^{xᵢ−m} / Σⱼ e^{xⱼ−m} with m = max x along <paramref name="dim"/>.
    /// Backward: dx = y ⊙ (g − Σ g⊙y).</summary>
    public Tensor Softmax(int dim)
    {
        var (y, outer, size, inner) = SoftmaxCore(dim, log: false, "Softmax");
        var res = MakeResult(shape, y, "Softmax", this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer(); var g = res.grad!;
            ForEachSlice(outer, size, inner, (o, i) =>
            {
                float dot = 0;
                for (int s = 0; s < size; s++) { int k = (o * size + s) * inner + i; dot += g[k] * y[k]; }
                for (int s = 0; s < size; s++) { int k = (o * size + s) * inner + i; gx[k] += y[k] * (g[k] - dot); }
            });
        });
    }

    /// <summary>log softmax(x) = x − m − log Σ e^{x−m}. Backward: dx = g − softmax(x) · Σ g.</summary>
    public Tensor LogSoftmax(int dim)
    {
        var (y, outer, size, inner) = SoftmaxCore(dim, log: true, "LogSoftmax");
        var res = MakeResult(shape, y, "LogSoftmax", this);
        var a = this;
        return res.WithBackward(() =>
        {
            if (!a.requiresGrad) return;
            var gx = a.GradBuffer(); var g = res.grad!;
            ForEachSlice(outer, size, inner, (o, i) =>
            {
                float sum = 0;
                for (int s = 0; s < size; s++) sum += g[(o * size + s) * inner + i];
                for (int s = 0; s < size; s++) { int k = (o * size + s) * inner + i; gx[k] += g[k] - MathF.Exp(y[k]) * sum; }
            });
        });
    }

    private (float[] Y, int Outer, int Size, int Inner) SoftmaxCore(int dim, bool log, string op)
    {
        int d = ShapeUtil.NormalizeDim(dim, Dim, op);
        var (outer, size, inner) = ShapeUtil.Split(shape, d);
        var y = NewDataUninitialized(Numel);
        var x = data;
        ForEachSlice(outer, size, inner, (o, i) =>
        {
            float m = float.NegativeInfinity;
            for (int s = 0; s < size; s++) m = MathF.Max(m, x[(o * size + s) * inner + i]);
            float z = 0;
            for (int s = 0; s < size; s++) z += MathF.Exp(x[(o * size + s) * inner + i] - m);
            float logZ = MathF.Log(z);
            for (int s = 0; s < size; s++)
            {
                int k = (o * size + s) * inner + i;
                y[k] = log ? x[k] - m - logZ : MathF.Exp(x[k] - m) / z;
            }
        });
        return (y, outer, size, inner);
    }

    private static void ForEachSlice(int outer, int size, int inner, Action<int, int> body)
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) body(o, i);
    }
}
