using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Optim;

/// <summary>SGD update rules worked by hand (PyTorch's torch.optim.SGD; the fixtures in Reference/ check five steps).</summary>
public class SGDTests
{
    private static float[] Run(float p0, float g, int steps, float lr, float momentum = 0f, float dampening = 0f,
        float weightDecay = 0f, bool nesterov = false)
    {
        var p = Torch.Tensor([p0]).RequiresGrad_();
        var opt = new SGD([p], lr, momentum, dampening, weightDecay, nesterov);
        var trace = new float[steps];
        for (int s = 0; s < steps; s++)
        {
            p.Grad = Torch.Tensor([g]);
            opt.Step();
            trace[s] = p.Item();
        }
        return trace;
    }

    [Fact] public void Plain() => Assert.Equal([0.95f, 0.9f], Run(1f, 0.5f, 2, lr: 0.1f), Tol);

    // b₁ = g, b₂ = 0.9·g + g = 1.9g
    [Fact] public void Momentum() => Assert.Equal([0.9f, 0.71f], Run(1f, 1f, 2, lr: 0.1f, momentum: 0.9f), Tol);

    // dampening applies from the second step on: b₂ = 0.9·g + 0.5·g
    [Fact] public void Dampening() => Assert.Equal([0.9f, 0.76f], Run(1f, 1f, 2, lr: 0.1f, momentum: 0.9f, dampening: 0.5f), Tol);

    // step uses g + μ·b: 1.9g, then g + 0.9·1.9g = 2.71g
    [Fact] public void Nesterov() => Assert.Equal([0.81f, 0.539f], Run(1f, 1f, 2, lr: 0.1f, momentum: 0.9f, nesterov: true), Tol);

    // g = 0 + 0.1·2, θ = 2 − 0.5·0.2
    [Fact] public void WeightDecay() => Assert.Equal([1.9f], Run(2f, 0f, 1, lr: 0.5f, weightDecay: 0.1f), Tol);

    [Fact]
    public void SkipsParametersWithoutGradientAndZeroGradClears()
    {
        var a = Torch.Tensor([1f]).RequiresGrad_(); var b = Torch.Tensor([1f]).RequiresGrad_();
        var opt = new SGD([a, b], lr: 1f, momentum: 0.5f);
        a.Grad = Torch.Tensor([1f]);
        opt.Step();
        Assert.Equal(0f, a.Item()); Assert.Equal(1f, b.Item());
        opt.ZeroGrad();
        Assert.Equal(0f, a.Grad!.Item());
        Assert.Equal(1, opt.StepCount);
        opt.Lr = 0.5f;                               // schedules change Lr between steps
        a.Grad = Torch.Tensor([2f]);
        opt.Step();                                  // b = 0.5·1 + 2 = 2.5, θ = 0 − 0.5·2.5
        Assert.Equal(-1.25f, a.Item());
    }

    [Fact]
    public void ValidatesHyperparametersByName()
    {
        var p = new[] { Torch.Zeros(1).RequiresGrad_() };
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(p, -1f)).Message);
        Assert.Contains("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(p, 0.1f, momentum: -1f)).Message);
        Assert.Contains("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(p, 0.1f, weightDecay: -1f)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new SGD(p, 0.1f, nesterov: true)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new SGD([], 0.1f)).Message);
        Assert.Contains("RequiresGrad", Assert.Throws<ArgumentException>(() => new SGD([Torch.Zeros(2)], 0.1f)).Message);
    }

    internal static readonly IEqualityComparer<float> Tol = new Close();

    private sealed class Close : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= 1e-6f + 1e-5f * MathF.Abs(b);
        public int GetHashCode(float v) => 0;
    }
}
