using System.Numerics;
using NotebookKit.Tensors;

namespace NotebookKit.Optim;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015), as <c>torch.optim.Adam</c>, in one fused pass per parameter:
/// g ← ∇ + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
/// θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
/// Defaults lr = 1e−3, β = (0.9, 0.999), ε = 1e−8. GANs usually take lr = 2e−4, β₁ = 0.5.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly float[]?[] expAvg, expAvgSq;
    private readonly int[] steps;

    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Eps { get; }
    public float WeightDecay { get; }

    public Adam(IEnumerable<Tensor> parameters, float lr = 1e-3f, (float, float)? betas = null, float eps = 1e-8f,
        float weightDecay = 0f) : base(parameters, lr)
    {
        var (b1, b2) = betas ?? (0.9f, 0.999f);
        if (!(b1 >= 0 && b1 < 1)) throw new ArgumentOutOfRangeException(nameof(betas), $"Adam: invalid beta1 {b1} (must be in [0, 1)).");
        if (!(b2 >= 0 && b2 < 1)) throw new ArgumentOutOfRangeException(nameof(betas), $"Adam: invalid beta2 {b2} (must be in [0, 1)).");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Adam: invalid eps {eps}.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Adam: invalid weightDecay {weightDecay}.");
        Beta1 = b1; Beta2 = b2; Eps = eps; WeightDecay = weightDecay;
        expAvg = new float[]?[Params.Count];
        expAvgSq = new float[]?[Params.Count];
        steps = new int[Params.Count];
    }

    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad)
    {
        var m = expAvg[index] ??= new float[param.Length];
        var v = expAvgSq[index] ??= new float[param.Length];
        int t = ++steps[index];
        float b1 = Beta1, b2 = Beta2, wd = WeightDecay, eps = Eps;
        float bc1 = 1f - MathF.Pow(b1, t);
        float bc2Sqrt = MathF.Sqrt(1f - MathF.Pow(b2, t));
        float stepSize = Lr / bc1;
        int i = 0, n = param.Length, w = Vector<float>.Count;
        // One fused SIMD pass; the scalar tail below does the same arithmetic.
        var vb1 = new Vector<float>(b1); var vb2 = new Vector<float>(b2);
        var v1b1 = new Vector<float>(1f - b1); var v1b2 = new Vector<float>(1f - b2);
        var vwd = new Vector<float>(wd); var vStep = new Vector<float>(stepSize);
        var vBc2 = new Vector<float>(bc2Sqrt); var vEps = new Vector<float>(eps);
        for (; i <= n - w; i += w)
        {
            var p = new Vector<float>(param.Slice(i));
            var g = new Vector<float>(grad.Slice(i)) + vwd * p;
            var mv = vb1 * new Vector<float>(m, i) + v1b1 * g;
            var vv = vb2 * new Vector<float>(v, i) + v1b2 * g * g;
            mv.CopyTo(m, i); vv.CopyTo(v, i);
            (p - vStep * mv / (Vector.SquareRoot(vv) / vBc2 + vEps)).CopyTo(param.Slice(i));
        }
        for (; i < n; i++)
        {
            float g = grad[i] + wd * param[i];
            m[i] = b1 * m[i] + (1f - b1) * g;
            v[i] = b2 * v[i] + (1f - b2) * g * g;
            param[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / bc2Sqrt + eps);
        }
    }
}
