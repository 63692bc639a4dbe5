using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Primitive binary ops with NumPy broadcasting. Each forward is followed by its backward:
// the local derivative times the output gradient, summed back over broadcast dimensions.
public sealed partial class Tensor
{
    /// <summary>a + b (broadcast). ∂/∂a = 1, ∂/∂b = 1.</summary>
    public Tensor Add(Tensor other)
    {
        var (o, sa, sb) = Binary<AddOp>(this, other, "Add");
        var a = this; var b = other;
        return o.WithBackward(() =>
        {
            if (a.requiresGrad) AccumulateGrad(a, sa, o.grad!, o.shape);
            if (b.requiresGrad) AccumulateGrad(b, sb, o.grad!, o.shape);
        });
    }

    /// <summary>a − b (broadcast). ∂/∂a = 1, ∂/∂b = −1.</summary>
    public Tensor Sub(Tensor other)
    {
        var (o, sa, sb) = Binary<SubOp>(this, other, "Sub");
        var a = this; var b = other;
        return o.WithBackward(() =>
        {
            if (a.requiresGrad) AccumulateGrad(a, sa, o.grad!, o.shape);
            if (b.requiresGrad)
            {
                var neg = Scaled(o.grad!, -1f);
                AccumulateGrad(b, sb, neg, o.shape);
                BufferPool.Return(neg);
            }
        });
    }

    /// <summary>a ⊙ b (broadcast). ∂/∂a = b, ∂/∂b = a.</summary>
    public Tensor Mul(Tensor other)
    {
        var (o, sa, sb) = Binary<MulOp>(this, other, "Mul");
        var a = this; var b = other;
        return o.WithBackward(() =>
        {
            if (a.requiresGrad) AccumulateProduct(a, sa, o, b, sb);
            if (b.requiresGrad) AccumulateProduct(b, sb, o, a, sa);
        });
    }

    /// <summary>a / b (broadcast). ∂/∂a = 1/b, ∂/∂b = −a/b² = −out/b.</summary>
    public Tensor Div(Tensor other)
    {
        var (o, sa, sb) = Binary<DivOp>(this, other, "Div");
        var a = this; var b = other;
        return o.WithBackward(() =>
        {
            var gOverB = Product<DivOp>(o.grad!, o.shape, b, sb);
            if (b.requiresGrad)
            {
                var gb = BufferPool.Rent(gOverB.Length);
                var y = o.data;
                for (int i = 0; i < gb.Length; i++) gb[i] = -gOverB[i] * y[i];
                AccumulateGrad(b, sb, gb, o.shape);
                BufferPool.Return(gb);
            }
            if (a.requiresGrad) AccumulateGrad(a, sa, gOverB, o.shape);
            BufferPool.Return(gOverB);
        });
    }

    /// <summary>−a.</summary>
    public Tensor Neg() => Mul(Torch.Scalar(-1f));

    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    public static Tensor operator -(Tensor a) => a.Neg();
    public static Tensor operator +(Tensor a, float b) => a.Add(Torch.Scalar(b));
    public static Tensor operator +(float a, Tensor b) => Torch.Scalar(a).Add(b);
    public static Tensor operator -(Tensor a, float b) => a.Sub(Torch.Scalar(b));
    public static Tensor operator -(float a, Tensor b) => Torch.Scalar(a).Sub(b);
    public static Tensor operator *(Tensor a, float b) => a.Mul(Torch.Scalar(b));
    public static Tensor operator *(float a, Tensor b) => Torch.Scalar(a).Mul(b);
    public static Tensor operator /(Tensor a, float b) => a.Div(Torch.Scalar(b));
    public static Tensor operator /(float a, Tensor b) => Torch.Scalar(a).Div(b);

    private static (Tensor Out, int[] StridesA, int[] StridesB) Binary<TOp>(Tensor a, Tensor b, string op) where TOp : IBinaryOp
    {
        var shape = ShapeUtil.SameShape(a.shape, b.shape) ? a.shape : ShapeUtil.Broadcast(a.shape, b.shape, op);
        var sa = ShapeUtil.BroadcastStrides(a.shape, shape);
        // Equal shapes (the common case) have equal strides: one array serves both operands.
        var sb = ReferenceEquals(a.shape, b.shape) || ShapeUtil.SameShape(a.shape, b.shape) ? sa : ShapeUtil.BroadcastStrides(b.shape, shape);
        var o = NewDataUninitialized(ShapeUtil.Numel(shape)); // every element is written
        Broadcasting.Binary<TOp>(a.data, sa, b.data, sb, o, shape);
        return (MakeResult(shape, o, op, a, b), sa, sb);
    }

    /// <summary>g ∘ t element-wise, where t is broadcast to g's shape through strides st. The buffer is rented: return it.</summary>
    private static float[] Product<TOp>(float[] g, int[] shape, Tensor t, int[] st) where TOp : IBinaryOp
    {
        var r = BufferPool.Rent(g.Length);
        Span<int> gStrides = stackalloc int[shape.Length];
        ShapeUtil.Strides(shape, gStrides);
        Broadcasting.Binary<TOp>(g, gStrides, t.data, st, r, shape);
        return r;
    }

    /// <summary>Adds o.grad ⊙ other into <paramref name="t"/>'s gradient: the backward of Mul for one operand.</summary>
    private static void AccumulateProduct(Tensor t, int[] st, Tensor o, Tensor other, int[] sOther)
    {
        var p = Product<MulOp>(o.grad!, o.shape, other, sOther);
        AccumulateGrad(t, st, p, o.shape);
        BufferPool.Return(p);
    }

    /// <summary>g · s element-wise, in a rented buffer: return it.</summary>
    private static float[] Scaled(float[] g, float s)
    {
        var r = BufferPool.Rent(g.Length);
        for (int i = 0; i < g.Length; i++) r[i] = g[i] * s;
        return r;
    }

    /// <summary>Adds an output-shaped gradient into <paramref name="t"/>'s gradient, reducing broadcast dims.</summary>
    private static void AccumulateGrad(Tensor t, int[] strides, float[] g, int[] outShape)
    {
        var dst = t.GradBuffer();
        if (dst.Length == g.Length) Broadcasting.Add(dst, g);
        else Broadcasting.AccumulateReduced(g, outShape, dst, strides);
    }
}
