using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Optim;

/// <summary>Adam update rules worked by hand (PyTorch's torch.optim.Adam; the fixtures in Reference/ check five steps).</summary>
public class AdamTests
{
    [Fact]
    public void FirstStepMovesByLrTimesSignOfGradient()
    {
        // With bias correction m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g) whatever |g| is.
        var p = Torch.Tensor([1f, -1f, 0.5f]).RequiresGrad_();
        var opt = new Adam([p], lr: 0.1f);
        p.Grad = Torch.Tensor([0.3f, -2f, 1e-3f]);
        opt.Step();
        Assert.Equal([0.9f, -0.9f, 0.4f], p.ToArray(), SGDTests.Tol);
    }

    [Fact]
    public void ConstantGradientGivesConstantSteps()
    {
        var p = Torch.Tensor([1f]).RequiresGrad_();
        var opt = new Adam([p], lr: 0.01f, betas: (0.5f, 0.999f));
        var trace = new List<float>();
        for (int s = 0; s < 4; s++) { p.Grad = Torch.Tensor([4f]); opt.Step(); trace.Add(p.Item()); }
        Assert.Equal([0.99f, 0.98f, 0.97f, 0.96f], trace, SGDTests.Tol);
    }

    [Fact]
    public void WeightDecayAddsToTheGradient()
    {
        // g = 0 + 0.5·θ = 0.5 > 0, so the first step is −lr.
        var p = Torch.Tensor([1f]).RequiresGrad_();
        var opt = new Adam([p], lr: 0.1f, weightDecay: 0.5f);
        p.Grad = Torch.Tensor([0f]);
        opt.Step();
        Assert.Equal(0.9f, p.Item(), 1e-6f);
    }

    [Fact]
    public void StepCountIsPerParameter()
    {
        // b has no gradient on the first step; its bias correction must start at t = 1 when it first gets one.
        var a = Torch.Tensor([0f]).RequiresGrad_(); var b = Torch.Tensor([0f]).RequiresGrad_();
        var opt = new Adam([a, b], lr: 0.1f);
        a.Grad = Torch.Tensor([1f]);
        opt.Step();
        Assert.Equal(0f, b.Item());
        b.Grad = Torch.Tensor([1f]);
        opt.Step();
        Assert.Equal(-0.1f, b.Item(), 1e-6f);
    }

    [Fact]
    public void ValidatesHyperparametersByName()
    {
        var p = new[] { Torch.Zeros(1).RequiresGrad_() };
        Assert.Contains("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, betas: (1f, 0.9f))).Message);
        Assert.Contains("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, betas: (0.9f, -0.1f))).Message);
        Assert.Contains("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, eps: -1f)).Message);
        Assert.Contains("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, weightDecay: -1f)).Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, lr: float.NaN)).Message);
    }
}
