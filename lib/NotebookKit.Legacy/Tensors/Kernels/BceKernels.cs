using System.Numerics;

namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// SIMD loops of binary cross-entropy on logits: ℓ = max(x, 0) − x·y + log(1 + e^{−|x|}), ∂ℓ/∂x = σ(x) − y.
/// The summed form never materialises the per-element losses (the VAE's reconstruction term is 100k of them).
/// </summary>
internal static class BceKernels
{
    private static Vector<float> Loss(Vector<float> x, Vector<float> y) =>
        Vector.Max(x, Vector<float>.Zero) - x * y + Vector.Log(Vector<float>.One + Vector.Exp(-Vector.Abs(x)));

    private static float Loss(float x, float y) => MathF.Max(x, 0f) - x * y + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));

    public static void PerElement(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> l)
    {
        int i = 0, n = x.Length, w = Vector<float>.Count;
        for (; i <= n - w; i += w) Loss(new Vector<float>(x.Slice(i)), new Vector<float>(y.Slice(i))).CopyTo(l.Slice(i));
        for (; i < n; i++) l[i] = Loss(x[i], y[i]);
    }

    /// <summary>Σ ℓ, accumulated per SIMD lane and then in double, in a fixed order.</summary>
    public static double Sum(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int i = 0, n = x.Length, w = Vector<float>.Count;
        double total = 0;
        while (i <= n - w)
        {
            // Blocks of 256 vectors keep the float lane sums short before they move to double.
            var acc = Vector<float>.Zero;
            int end = Math.Min(n - w, i + 256 * w);
            for (; i <= end; i += w) acc += Loss(new Vector<float>(x.Slice(i)), new Vector<float>(y.Slice(i)));
            total += Vector.Sum(acc);
        }
        for (; i < n; i++) total += Loss(x[i], y[i]);
        return total;
    }

    /// <summary>gx += g·(σ(x) − y) with a scalar g (reduced losses) or per-element g (when <paramref name="g"/> is not empty).</summary>
    public static void AccumulateGrad(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float scale, ReadOnlySpan<float> g, Span<float> gx)
    {
        int i = 0, n = x.Length, w = Vector<float>.Count;
        bool perElement = !g.IsEmpty;
        var vs = new Vector<float>(scale);
        for (; i <= n - w; i += w)
        {
            var d = SigmoidOp.Apply(new Vector<float>(x.Slice(i))) - new Vector<float>(y.Slice(i));
            var vg = perElement ? new Vector<float>(g.Slice(i)) * vs : vs;
            (new Vector<float>(gx.Slice(i)) + vg * d).CopyTo(gx.Slice(i));
        }
        for (; i < n; i++) gx[i] += (perElement ? g[i] * scale : scale) * (SigmoidOp.Apply(x[i]) - y[i]);
    }
}
