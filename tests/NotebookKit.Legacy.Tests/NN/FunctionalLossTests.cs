using NotebookKit.NN;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.NN;

/// <summary>Losses, GaussianKl and Dropout: gradients for every reduction, values at known points, error messages.</summary>
public class FunctionalLossTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed);
    private static Tensor Probs(ulong seed, params int[] shape) => GradCheck.Random(shape, seed, 0.05f, 0.95f);

    public static TheoryData<Reduction> Reductions() => new() { Reduction.Mean, Reduction.Sum, Reduction.None };

    [Theory, MemberData(nameof(Reductions))]
    public void MseGradient(Reduction r) => GradCheck.Check(x => F.MseLoss(x[0], x[1], r), [R(100, 4, 3), R(101, 4, 3)], name: "MseLoss");

    [Theory, MemberData(nameof(Reductions))]
    public void BceGradient(Reduction r) =>
        GradCheck.Check(x => F.BinaryCrossEntropy(x[0], x[1], r), [Probs(102, 4, 3), Probs(103, 4, 3)], eps: 1e-3f, name: "BCE");

    [Theory, MemberData(nameof(Reductions))]
    public void BceWithLogitsGradient(Reduction r) =>
        GradCheck.Check(x => F.BinaryCrossEntropyWithLogits(x[0], x[1], r), [R(104, 4, 3) * 4f, Probs(105, 4, 3)], name: "BCEWithLogits");

    [Theory, MemberData(nameof(Reductions))]
    public void CrossEntropyGradient(Reduction r) =>
        GradCheck.Check(x => F.CrossEntropy(x[0], [1, 0, 3, 3, 2], r), [R(106, 5, 4) * 3f], name: "CrossEntropy");

    [Theory, MemberData(nameof(Reductions))]
    public void NllGradient(Reduction r) =>
        GradCheck.Check(x => F.NllLoss(x[0], [2, 2, 0], r), [R(107, 3, 4)], name: "NllLoss");

    [Theory, MemberData(nameof(Reductions))]
    public void GaussianKlGradient(Reduction r) =>
        GradCheck.Check(x => F.GaussianKl(x[0], x[1], r), [R(108, 3, 4), R(109, 3, 4)], name: "GaussianKl");

    [Fact]
    public void LossValues()
    {
        var a = Torch.Tensor([1f, 2f, 3f, 4f], 2, 2); var b = Torch.Tensor([1f, 0f, 3f, 2f], 2, 2);
        Assert.Equal(2f, F.MseLoss(a, b).Item());
        Assert.Equal(8f, F.MseLoss(a, b, Reduction.Sum).Item());
        Assert.Equal([0f, 4f, 0f, 4f], F.MseLoss(a, b, Reduction.None).ToArray());

        var p = Torch.Tensor([0.5f, 0.9f]); var y = Torch.Tensor([1f, 0f]);
        Assert.Equal([MathF.Log(2f), -MathF.Log(0.1f)], F.BinaryCrossEntropy(p, y, Reduction.None).ToArray(), new Close(1e-6f));
        // BCE-with-logits is BCE after a sigmoid, without its overflow
        var z = Torch.Tensor([-3f, -0.5f, 0f, 2f, 6f]); var t = Torch.Tensor([0f, 1f, 0.5f, 1f, 0f]);
        Assert.Equal(F.BinaryCrossEntropy(z.Sigmoid(), t, Reduction.None).ToArray(),
            F.BinaryCrossEntropyWithLogits(z, t, Reduction.None).ToArray(), new Close(1e-5f));
        var huge = F.BinaryCrossEntropyWithLogits(Torch.Tensor([-200f, 200f]), Torch.Tensor([1f, 0f]), Reduction.None).ToArray();
        Assert.Equal([200f, 200f], huge);
        // BCE clamps log at −100, so certain-and-wrong costs exactly 100
        Assert.Equal([100f, 100f], F.BinaryCrossEntropy(Torch.Tensor([0f, 1f]), Torch.Tensor([1f, 0f]), Reduction.None).ToArray());

        // cross-entropy of uniform logits is log C
        Assert.Equal(MathF.Log(4f), F.CrossEntropy(Torch.Zeros(3, 4), [0, 1, 3]).Item(), 1e-6f);
    }

    [Fact]
    public void GaussianKlValues()
    {
        // ≈ 0, not exactly: the SIMD Vector.Exp gives exp(0) = 1 + 1 ulp (its error is ≤ 2 ulps over the float range).
        Assert.Equal(0f, F.GaussianKl(Torch.Zeros(2, 3), Torch.Zeros(2, 3)).Item(), 1e-6f);
        // μ = 1, σ = 1: ½ per dimension
        var perSample = F.GaussianKl(Torch.Ones(2, 3), Torch.Zeros(2, 3), Reduction.None);
        Assert.Equal([2], perSample.Shape);
        Assert.Equal([1.5f, 1.5f], perSample.ToArray(), new Close(1e-6f));
        Assert.Equal(3f, F.GaussianKl(Torch.Ones(2, 3), Torch.Zeros(2, 3), Reduction.Sum).Item(), 1e-6f);
        Assert.Equal(1.5f, F.GaussianKl(Torch.Ones(2, 3), Torch.Zeros(2, 3), Reduction.Mean).Item(), 1e-6f);
        // μ = 0, log σ² = log 2: −½(1 + log 2 − 2) per dimension
        float expected = -0.5f * (1f + MathF.Log(2f) - 2f);
        Assert.Equal(expected, F.GaussianKl(Torch.Zeros(1, 1), Torch.Full([1, 1], MathF.Log(2f))).Item(), 1e-6f);
    }

    [Fact]
    public void DropoutGradientIsTheScaledMask()
    {
        const float p = 0.3f;
        var x = R(110, 50, 40).RequiresGrad_();
        var y = F.Dropout(x, p, training: true, generator: new Generator(7));
        y.Sum().Backward();
        var g = new Generator(7);                      // the same stream: the mask is Bernoulli(1 − p) / (1 − p)
        int kept = 0;
        for (int i = 0; i < x.Numel; i++)
        {
            float m = g.NextFloat() >= p ? 1f / (1f - p) : 0f;
            kept += m > 0 ? 1 : 0;
            Assert.Equal(m, x.Grad!.data[i]);
            Assert.Equal(x.data[i] * m, y.data[i]);
        }
        Assert.InRange(kept / 2000.0, 0.65, 0.75);
        GradCheck.Check(t => F.Dropout(t[0], 0.5f, true, new Generator(3)), [R(111, 4, 5)], name: "Dropout");
    }

    [Fact]
    public void DropoutEdgeCases()
    {
        var x = R(112, 3, 4);
        Assert.Same(x, F.Dropout(x, 0.5f, training: false));
        Assert.Same(x, F.Dropout(x, 0f));
        Assert.All(F.Dropout(x, 1f).ToArray(), v => Assert.Equal(0f, v));
        Assert.Contains("p", Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout(x, 1.5f)).Message);
    }

    [Fact]
    public void ErrorMessagesNameTheLossAndShapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => F.MseLoss(Torch.Zeros(4, 1), Torch.Zeros(4)));
        Assert.Contains("MseLoss", e.Message); Assert.Contains("(4, 1)", e.Message); Assert.Contains("(4,)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => F.BinaryCrossEntropyWithLogits(Torch.Zeros(2, 3), Torch.Zeros(3, 2)));
        Assert.Contains("BinaryCrossEntropyWithLogits", e.Message); Assert.Contains("(2, 3)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => F.GaussianKl(Torch.Zeros(2, 3), Torch.Zeros(2, 4)));
        Assert.Contains("GaussianKl", e.Message); Assert.Contains("(2, 4)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => F.CrossEntropy(Torch.Zeros(3, 4), [0, 1]));
        Assert.Contains("NllLoss", e.Message); Assert.Contains("(3, 4)", e.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => F.BinaryCrossEntropy(Torch.Tensor([1.5f]), Torch.Tensor([1f])));
        Assert.Contains("Sigmoid", r.Message);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => F.CrossEntropy(Torch.Zeros(2, 4), [0, 4]));
        Assert.Contains("target[1] = 4", r.Message);
    }

    private sealed class Close(float tol) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= tol * (1 + MathF.Abs(b));
        public int GetHashCode(float v) => 0;
    }
}
