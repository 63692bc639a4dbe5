using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Tensors;

/// <summary>Graph semantics of Backward: accumulation, Detach, NoGrad, freed graphs, retainGraph, RetainGrad, fan-out.</summary>
public class AutogradTests
{
    [Fact]
    public void LeafGradientsAccumulateAcrossBackwardCalls()
    {
        var x = Torch.Tensor([1f, 2f, 3f]).RequiresGrad_();
        (x * 2f).Sum().Backward();
        (x * x).Sum().Backward();                      // a second, separate graph
        Assert.Equal([4f, 6f, 8f], x.Grad!.ToArray()); // 2 + 2x
        x.Grad = null;
        (x * 3f).Sum().Backward();
        Assert.Equal([3f, 3f, 3f], x.Grad!.ToArray());
    }

    [Fact]
    public void DetachStopsGradients()
    {
        var x = Torch.Tensor([1f, 2f, 3f]).RequiresGrad_();
        var d = x.Detach();
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        (d * x).Sum().Backward();                      // only the non-detached factor carries gradient
        Assert.Equal([1f, 2f, 3f], x.Grad!.ToArray());
        Assert.Null(d.Grad);
        // Detach shares storage, as PyTorch
        d.data[0] = 10f;
        Assert.Equal(10f, x.At(0));
    }

    [Fact]
    public void NoGradRecordsNothing()
    {
        var x = Torch.Ones(2, 2).RequiresGrad_();
        Tensor y;
        using (Torch.NoGrad())
        {
            y = (x * 2f).Exp().Sum();
            using (Torch.NoGrad()) { }                 // nesting does not re-enable recording
            Assert.False((x + x).RequiresGrad);
        }
        Assert.False(y.RequiresGrad);
        Assert.Null(y.GradFn);
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("NoGrad", e.Message);
        Assert.True((x * 2f).RequiresGrad);            // recording resumes after the scope
        Assert.False(NoGradScope.IsActive);
    }

    [Fact]
    public void SecondBackwardThroughFreedGraphThrowsWithHint()
    {
        var x = Torch.Tensor([1f, 2f]).RequiresGrad_();
        var loss = (x.Exp() * x).Sum();
        loss.Backward();
        var e = Assert.Throws<InvalidOperationException>(() => loss.Backward());
        Assert.Contains("second time", e.Message);
        Assert.Contains("retainGraph", e.Message);
    }

    [Fact]
    public void RetainGraphAllowsASecondBackward()
    {
        var x = Torch.Tensor([1f, 2f]).RequiresGrad_();
        var loss = (x * x * x).Sum();
        loss.Backward(retainGraph: true);
        loss.Backward();
        Assert.Equal([6f, 24f], x.Grad!.ToArray()); // 2 × 3x²
    }

    [Fact]
    public void RetainGradKeepsIntermediateGradients()
    {
        var x = Torch.Tensor([1f, -2f]).RequiresGrad_();
        var h = (x * 3f).RetainGrad();
        var other = x * 2f;                            // not retained
        (h * h + other).Sum().Backward();
        Assert.Equal([6f, -12f], h.Grad!.ToArray());   // 2h
        Assert.Null(other.Grad);
        Assert.Equal([20f, -34f], x.Grad!.ToArray());  // 18x + 2
        Assert.False(h.IsLeaf);
        Assert.Equal("Mul", h.GradFn);
    }

    [Fact]
    public void SharedSubexpressionsAccumulate()
    {
        var x = Torch.Tensor([0.5f, -1f]).RequiresGrad_();
        var h = x.Exp();                               // used three times
        (h * h + h - x * x).Sum().Backward();
        for (int i = 0; i < 2; i++)
        {
            float v = x.At(i), e = MathF.Exp(v);
            Assert.Equal(2 * e * e + e - 2 * v, x.Grad!.At(i), 5);
        }
        GradCheck.Check(t => (t[0] * t[0] + t[0]).Exp() * t[0] + (t[0] / (1f + t[0] * t[0])), [GradCheck.Random([3, 4], 90)],
            name: "fan-out");
        var y = Torch.Tensor([2f]).RequiresGrad_();
        (y + y + y * y).Sum().Backward();
        Assert.Equal(6f, y.Grad!.Item());               // 2 + 2y
    }

    [Fact]
    public void BackwardOnNonScalarNeedsAGradient()
    {
        var x = Torch.Ones(2, 3).RequiresGrad_();
        var y = x * 2f;
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("(2, 3)", e.Message);
        y.Backward(Torch.Full([2, 3], 0.5f));
        Assert.All(x.Grad!.ToArray(), g => Assert.Equal(1f, g));
        var bad = Assert.Throws<ShapeMismatchException>(() => (x * 2f).Backward(Torch.Ones(3, 2)));
        Assert.Contains("(3, 2)", bad.Message); Assert.Contains("(2, 3)", bad.Message);
    }

    [Fact]
    public void OnlyInputsThatRequireGradGetGradients()
    {
        var a = Torch.Tensor([1f, 2f]).RequiresGrad_();
        var b = Torch.Tensor([3f, 4f]);
        var c = a * b;
        Assert.True(c.RequiresGrad);
        Assert.False((b * b).RequiresGrad);
        c.Sum().Backward();
        Assert.Equal([3f, 4f], a.Grad!.ToArray());
        Assert.Null(b.Grad);
    }

    [Fact]
    public void RequiresGradCanOnlyChangeOnLeaves()
    {
        var y = Torch.Ones(2).RequiresGrad_() * 2f;
        var e = Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.Contains("Detach", e.Message);
    }

    [Fact]
    public void RepeatedTrainingStepsGiveTheSameGradients()
    {
        // Intermediate gradient buffers are pooled; reusing them must not leak values between steps.
        var w = GradCheck.Random([4, 3], 91).RequiresGrad_();
        var x = GradCheck.Random([5, 4], 92);
        float[]? first = null;
        for (int step = 0; step < 3; step++)
        {
            w.Grad = null;
            (x.Matmul(w).Tanh().Square().Sum(1) + x.Sum(1)).Mean().Backward();
            first ??= w.Grad!.ToArray();
            Assert.Equal(first, w.Grad!.ToArray());
        }
    }

    [Fact]
    public void DeepGraphsDoNotOverflowTheStack()
    {
        // The topological sort is iterative: a 20,000-op chain (an unrolled RNN, a long training loop kept in one graph).
        var x = Torch.Tensor([1f]).RequiresGrad_();
        var y = x;
        for (int i = 0; i < 20_000; i++) y = y * 1.0001f + 0f;
        y.Sum().Backward();
        Assert.Equal(MathF.Pow(1.0001f, 20_000), x.Grad!.Item(), 1e-2f);
    }

    [Fact]
    public void GradientsFlowThroughViewsOfParameters()
    {
        // Reshape shares storage: an optimizer's in-place update shows through the view, as in PyTorch.
        var w = Torch.Tensor([1f, 2f, 3f, 4f]).RequiresGrad_();
        var m = w.Reshape(2, 2);
        (m * m).Sum().Backward();
        Assert.Equal([2f, 4f, 6f, 8f], w.Grad!.ToArray());
        w.data[0] = -1f;
        Assert.Equal(-1f, m.At(0, 0));
    }
}
