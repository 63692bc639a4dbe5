using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Tensors;

/// <summary>Element-wise functions and activations: gradients (inputs away from kinks) and values at known points.</summary>
public class UnaryTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed, awayFromZero: true);
    private static Tensor Positive(ulong seed, params int[] shape) => GradCheck.Random(shape, seed, 0.2f, 3f);

    public static TheoryData<string> Ops() => new() { "Exp", "Log", "Sqrt", "Abs", "Pow3", "PowHalf", "Square", "Clamp", "Relu",
        "LeakyRelu", "Sigmoid", "Tanh", "Softplus" };

    private static Tensor Apply(string op, Tensor x) => op switch
    {
        "Exp" => x.Exp(), "Log" => x.Log(), "Sqrt" => x.Sqrt(), "Abs" => x.Abs(), "Pow3" => x.Pow(3f),
        "PowHalf" => x.Pow(0.5f), "Square" => x.Square(), "Clamp" => x.Clamp(-0.5f, 0.5f), "Relu" => x.Relu(),
        "LeakyRelu" => x.LeakyRelu(0.2f), "Sigmoid" => x.Sigmoid(), "Tanh" => x.Tanh(), "Softplus" => x.Softplus(),
        _ => throw new ArgumentException(op),
    };

    [Theory, MemberData(nameof(Ops))]
    public void Gradient(string op)
    {
        var x = op is "Log" or "Sqrt" or "PowHalf" ? Positive(20, 3, 11) : R(21, 3, 11);
        if (op == "Clamp") // keep inputs off the clamp edges ±0.5, where the derivative jumps
            for (int i = 0; i < x.Numel; i++) if (MathF.Abs(MathF.Abs(x.data[i]) - 0.5f) < 0.05f) x.data[i] *= 0.8f;
        GradCheck.Check(t => Apply(op, t[0]), [x], name: op);
    }

    [Theory, MemberData(nameof(Ops))]
    public void SimdMatchesScalarMath(string op)
    {
        // 13 elements: one vector plus a tail (or more) on every SIMD width.
        var x = op is "Log" or "Sqrt" or "PowHalf" ? Positive(22, 13) : R(23, 13);
        var y = Apply(op, x).ToArray();
        for (int i = 0; i < 13; i++)
        {
            double v = x.data[i];
            double expected = op switch
            {
                "Exp" => Math.Exp(v), "Log" => Math.Log(v), "Sqrt" => Math.Sqrt(v), "Abs" => Math.Abs(v), "Pow3" => v * v * v,
                "PowHalf" => Math.Sqrt(v), "Square" => v * v, "Clamp" => Math.Clamp(v, -0.5, 0.5), "Relu" => Math.Max(v, 0),
                "LeakyRelu" => v > 0 ? v : 0.2 * v, "Sigmoid" => 1 / (1 + Math.Exp(-v)), "Tanh" => Math.Tanh(v),
                "Softplus" => Math.Log(1 + Math.Exp(v)), _ => double.NaN,
            };
            Assert.True(Math.Abs(y[i] - expected) <= 1e-6 + 1e-5 * Math.Abs(expected), $"{op}({v}) = {y[i]}, expected {expected}");
        }
    }

    [Fact]
    public void ActivationsSaturateWithoutNaN()
    {
        var x = Torch.Tensor([-1000f, -100f, -20f, 0f, 20f, 100f, 1000f]);
        Assert.Equal([0f, 0f, 2.0611537e-9f, 0.5f, 1f, 1f, 1f], x.Sigmoid().ToArray());
        Assert.Equal([-1f, -1f, -1f, 0f, 1f, 1f, 1f], x.Tanh().ToArray());
        var sp = x.Softplus().ToArray();
        Assert.Equal(0f, sp[0]); Assert.Equal(1000f, sp[6]); Assert.Equal(MathF.Log(2f), sp[3], 6);
        Assert.All(x.Exp().ToArray().Concat(sp), v => Assert.False(float.IsNaN(v)));

        var t = x.RequiresGrad_();
        t.Sigmoid().Sum().Backward();
        Assert.All(t.Grad!.ToArray(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void KinkGradientsFollowPyTorch()
    {
        // At the kinks PyTorch picks: relu'(0) = 0, |x|'(0) = 0, leaky'(0) = slope, clamp passes at the edges.
        var x = Torch.Tensor([0f, -0.5f, 0.5f]).RequiresGrad_();
        x.Relu().Sum().Backward();
        Assert.Equal([0f, 0f, 1f], x.Grad!.ToArray());
        x.Grad = null; x.Abs().Sum().Backward();
        Assert.Equal([0f, -1f, 1f], x.Grad!.ToArray());
        x.Grad = null; x.LeakyRelu(0.2f).Sum().Backward();
        Assert.Equal([0.2f, 0.2f, 1f], x.Grad!.ToArray());
        x.Grad = null; x.Clamp(-0.5f, 0.5f).Sum().Backward();
        Assert.Equal([1f, 1f, 1f], x.Grad!.ToArray());
    }

    [Fact]
    public void AbsGradientAtNaNIsZeroNotAnException()
    {
        // PyTorch: abs'(NaN) = sgn(NaN) = 0. MathF.Sign(NaN) throws ArithmeticException, which used to escape Backward().
        var x = Torch.Tensor([float.NaN, 0f, 2f]).RequiresGrad_();
        x.Abs().Sum().Backward();
        Assert.Equal([0f, 0f, 1f], x.Grad!.ToArray());
    }

    [Fact]
    public void PowZeroHasZeroGradientEverywhere()
    {
        // d/dx x⁰ = 0, also at x = 0 where 0·x⁻¹ would be 0·∞ = NaN (PyTorch special-cases it the same way).
        var x = Torch.Tensor([0f, 2f]).RequiresGrad_();
        var y = x.Pow(0f);
        Assert.Equal([1f, 1f], y.ToArray());
        y.Sum().Backward();
        Assert.Equal([0f, 0f], x.Grad!.ToArray());
    }

    [Fact]
    public void ClampRejectsMinAboveMax() =>
        Assert.Contains("min", Assert.Throws<ArgumentException>(() => Torch.Zeros(2).Clamp(1f, 0f)).Message);
}
