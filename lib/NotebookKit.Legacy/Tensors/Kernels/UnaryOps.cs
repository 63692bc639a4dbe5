using System.Numerics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>A unary element-wise function with a scalar and a SIMD form.</summary>
internal interface IUnaryOp
{
    static abstract float Apply(float x);
    static abstract Vector<float> Apply(Vector<float> x);
}

internal struct ExpOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Exp(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Exp(x);
}

internal struct LogOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Log(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Log(x);
}

internal struct SqrtOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Sqrt(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.SquareRoot(x);
}

internal struct AbsOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Abs(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Abs(x);
}

internal struct ReluOp : IUnaryOp
{
    public static float Apply(float x) => x > 0 ? x : 0;
    public static Vector<float> Apply(Vector<float> x) => Vector.Max(x, Vector<float>.Zero);
}

/// <summary>σ(x) = 1 / (1 + e^{−x}); e^{−x} = ∞ for very negative x gives exactly 0.</summary>
internal struct SigmoidOp : IUnaryOp
{
    public static float Apply(float x) => 1f / (1f + MathF.Exp(-x));
    public static Vector<float> Apply(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));
}

/// <summary>tanh(x) = 1 − 2 / (e^{2x} + 1): saturates to ±1 without overflow trouble.</summary>
internal struct TanhOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Tanh(x);
    public static Vector<float> Apply(Vector<float> x)
    {
        var two = new Vector<float>(2f);
        return Vector<float>.One - two / (Vector.Exp(two * x) + Vector<float>.One);
    }
}

/// <summary>softplus(x) = log(1 + e^x) = max(x, 0) + log(1 + e^{−|x|}), stable for large |x|.</summary>
internal struct SoftplusOp : IUnaryOp
{
    public static float Apply(float x) => MathF.Max(x, 0) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));
    public static Vector<float> Apply(Vector<float> x) =>
        Vector.Max(x, Vector<float>.Zero) + Vector.Log(Vector<float>.One + Vector.Exp(-Vector.Abs(x)));
}

internal static class UnaryOps
{
    /// <summary>y = f(x) over the whole span, SIMD body and scalar tail.</summary>
    public static void Map<TOp>(ReadOnlySpan<float> x, Span<float> y) where TOp : IUnaryOp
    {
        int i = 0, n = x.Length, w = Vector<float>.Count;
        for (; i <= n - w; i += w) TOp.Apply(new Vector<float>(x.Slice(i))).CopyTo(y.Slice(i));
        // The tail goes through the SIMD form too, so an element's value never depends on its position.
        if (i < n)
        {
            Span<float> buf = stackalloc float[Vector<float>.Count];
            buf.Clear();
            x.Slice(i).CopyTo(buf);
            TOp.Apply(new Vector<float>(buf)).CopyTo(buf);
            buf.Slice(0, n - i).CopyTo(y.Slice(i));
        }
    }
}

/// <summary>The local derivative of a unary op times the output gradient, g·f'(x), from x and y = f(x).</summary>
internal interface IUnaryGrad
{
    static abstract float Apply(float x, float y, float g);
    static abstract Vector<float> Apply(Vector<float> x, Vector<float> y, Vector<float> g);
}

internal struct ExpGrad : IUnaryGrad
{
    public static float Apply(float x, float y, float g) => g * y;
    public static Vector<float> Apply(Vector<float> x, Vector<float> y, Vector<float> g) => g * y;
}

internal struct ReluGrad : IUnaryGrad
{
    public static float Apply(float x, float y, float g) => x > 0 ? g : 0f;
    public static Vector<float> Apply(Vector<float> x, Vector<float> y, Vector<float> g) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), g, Vector<float>.Zero);
}

internal struct SigmoidGrad : IUnaryGrad
{
    public static float Apply(float x, float y, float g) => g * y * (1f - y);
    public static Vector<float> Apply(Vector<float> x, Vector<float> y, Vector<float> g) => g * y * (Vector<float>.One - y);
}

internal struct TanhGrad : IUnaryGrad
{
    public static float Apply(float x, float y, float g) => g * (1f - y * y);
    public static Vector<float> Apply(Vector<float> x, Vector<float> y, Vector<float> g) => g * (Vector<float>.One - y * y);
}

internal static class UnaryGrads
{
    /// <summary>gx += g·f'(x) over whole spans.</summary>
    public static void Accumulate<TGrad>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> gx)
        where TGrad : IUnaryGrad
    {
        int i = 0, n = gx.Length, w = Vector<float>.Count;
        for (; i <= n - w; i += w)
            (new Vector<float>(gx.Slice(i)) + TGrad.Apply(new Vector<float>(x.Slice(i)), new Vector<float>(y.Slice(i)), new Vector<float>(g.Slice(i))))
                .CopyTo(gx.Slice(i));
        for (; i < n; i++) gx[i] += TGrad.Apply(x[i], y[i], g[i]);
    }

    /// <summary>Leaky ReLU's gx += g·(x &gt; 0 ? 1 : slope), the GAN discriminator's hot path.</summary>
    public static void AccumulateLeakyRelu(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gx, float slope)
    {
        int i = 0, n = gx.Length, w = Vector<float>.Count;
        var vs = new Vector<float>(slope);
        for (; i <= n - w; i += w)
        {
            var vg = new Vector<float>(g.Slice(i));
            var d = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(x.Slice(i)), Vector<float>.Zero), vg, vg * vs);
            (new Vector<float>(gx.Slice(i)) + d).CopyTo(gx.Slice(i));
        }
        for (; i < n; i++) gx[i] += x[i] > 0 ? g[i] : slope * g[i];
    }

    /// <summary>y = x &gt; 0 ? x : slope·x.</summary>
    public static void LeakyRelu(ReadOnlySpan<float> x, Span<float> y, float slope)
    {
        int i = 0, n = x.Length, w = Vector<float>.Count;
        var vs = new Vector<float>(slope);
        for (; i <= n - w; i += w)
        {
            var v = new Vector<float>(x.Slice(i));
            Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * vs).CopyTo(y.Slice(i));
        }
        for (; i < n; i++) y[i] = x[i] > 0 ? x[i] : slope * x[i];
    }
}
