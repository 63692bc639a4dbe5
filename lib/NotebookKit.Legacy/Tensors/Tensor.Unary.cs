using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Primitive unary ops; each backward is dx += g · f'(x), written with the output y where that is cheaper.
public sealed partial class Tensor
{
    private Tensor Map<TOp>(string op) where TOp : IUnaryOp
    {
        var y = NewDataUninitialized(Numel);
        UnaryOps.Map<TOp>(data, y);
        return MakeResult(shape, y, op, this);
    }

    /// <summary>Applies <paramref name="derivative"/>(x, y) · g into this tensor's gradient.</summary>
    private void BackwardElementwise(Tensor o, Func<float, float, float> derivative)
    {
        if (!requiresGrad) return;
        var gx = GradBuffer();
        var g = o.grad!;
        var x = data; var y = o.data;
        for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * derivative(x[i], y[i]);
    }

    /// <summary>The SIMD form of <see cref="BackwardElementwise"/> for the hot activations.</summary>
    private void BackwardElementwise<TGrad>(Tensor o) where TGrad : IUnaryGrad
    {
        if (requiresGrad) UnaryGrads.Accumulate<TGrad>(data, o.data, o.grad!, GradBuffer());
    }

    /// <summary>eˣ. d/dx = eˣ = y.</summary>
    public Tensor Exp()
    {
        var o = Map<ExpOp>("Exp");
        return o.WithBackward(() => BackwardElementwise<ExpGrad>(o));
    }

    /// <summary>ln x. d/dx = 1/x.</summary>
    public Tensor Log()
    {
        var o = Map<LogOp>("Log");
        return o.WithBackward(() => BackwardElementwise(o, static (x, _) => 1f / x));
    }

    /// <summary>√x. d/dx = 1/(2√x) = 1/(2y).</summary>
    public Tensor Sqrt()
    {
        var o = Map<SqrtOp>("Sqrt");
        return o.WithBackward(() => BackwardElementwise(o, static (_, y) => 0.5f / y));
    }

    /// <summary>|x|. d/dx = sign(x) (0 at 0, as PyTorch).</summary>
    public Tensor Abs()
    {
        var o = Map<AbsOp>("Abs");
        // Not MathF.Sign: it throws on NaN; PyTorch's sgn gives 0 there.
        return o.WithBackward(() => BackwardElementwise(o, static (x, _) => x > 0 ? 1f : x < 0 ? -1f : 0f));
    }

    /// <summary>xᵖ for a constant exponent. d/dx = p·xᵖ⁻¹.</summary>
    public Tensor Pow(float exponent)
    {
        var y = NewDataUninitialized(Numel);
        var x = data;
        if (exponent == 2f) for (int i = 0; i < y.Length; i++) y[i] = x[i] * x[i];
        else for (int i = 0; i < y.Length; i++) y[i] = MathF.Pow(x[i], exponent);
        var o = MakeResult(shape, y, "Pow", this);
        // p = 0 is special-cased as in PyTorch: 0·x⁻¹ would be NaN at x = 0.
        return o.WithBackward(() => BackwardElementwise(o,
            exponent == 2f ? static (x, _) => 2f * x
            : exponent == 0f ? static (_, _) => 0f
            : (x, _) => exponent * MathF.Pow(x, exponent - 1f)));
    }

    /// <summary>x² (shorthand for Pow(2)).</summary>
    public Tensor Square() => Pow(2f);

    /// <summary>min(max(x, min), max). The gradient passes where min ≤ x ≤ max, as PyTorch.</summary>
    public Tensor Clamp(float min = float.NegativeInfinity, float max = float.PositiveInfinity)
    {
        if (min > max) throw new ArgumentException($"Clamp: min ({min}) is greater than max ({max}).");
        var y = NewDataUninitialized(Numel);
        var x = data;
        for (int i = 0; i < y.Length; i++) y[i] = Math.Clamp(x[i], min, max);
        var o = MakeResult(shape, y, "Clamp", this);
        return o.WithBackward(() => BackwardElementwise(o, (x, _) => x >= min && x <= max ? 1f : 0f));
    }

    /// <summary>max(x, 0). d/dx = 1 for x &gt; 0, else 0.</summary>
    public Tensor Relu()
    {
        var o = Map<ReluOp>("Relu");
        return o.WithBackward(() => BackwardElementwise<ReluGrad>(o));
    }

    /// <summary>x for x &gt; 0, slope·x otherwise. d/dx = 1 or slope.</summary>
    public Tensor LeakyRelu(float negativeSlope = 0.01f)
    {
        var y = NewDataUninitialized(Numel);
        UnaryGrads.LeakyRelu(data, y, negativeSlope);
        var o = MakeResult(shape, y, "LeakyRelu", this);
        return o.WithBackward(() =>
        {
            if (requiresGrad) UnaryGrads.AccumulateLeakyRelu(data, o.grad!, GradBuffer(), negativeSlope);
        });
    }

    /// <summary>σ(x) = 1/(1+e⁻ˣ). dσ/dx = σ(1−σ) = y(1−y).</summary>
    public Tensor Sigmoid()
    {
        var o = Map<SigmoidOp>("Sigmoid");
        return o.WithBackward(() => BackwardElementwise<SigmoidGrad>(o));
    }

    /// <summary>tanh x. d/dx = 1 − y².</summary>
    public Tensor Tanh()
    {
        var o = Map<TanhOp>("Tanh");
        return o.WithBackward(() => BackwardElementwise<TanhGrad>(o));
    }

    /// <summary>log(1 + eˣ), computed stably. d/dx = σ(x).</summary>
    public Tensor Softplus()
    {
        var o = Map<SoftplusOp>("Softplus");
        return o.WithBackward(() => BackwardElementwise(o, static (x, _) => SigmoidOp.Apply(x)));
    }
}
