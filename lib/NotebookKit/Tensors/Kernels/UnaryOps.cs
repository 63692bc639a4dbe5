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
