using NotebookKit.NN;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Reference;

/// <summary>Every loss and reduction against PyTorch (fixtures/losses.json), 1e−5 abs + 1e−4 rel unless stated.</summary>
public class LossesReferenceTests
{
    private static void Check(string name, Func<Tensor[], Tensor> op, float atol = Fixtures.Atol, float rtol = Fixtures.Rtol) =>
        Fixtures.Check("losses.json", name, op, atol, rtol);

    public static TheoryData<string, Reduction> Reductions() =>
        new() { { "mean", Reduction.Mean }, { "sum", Reduction.Sum }, { "none", Reduction.None } };

    [Theory, MemberData(nameof(Reductions))]
    public void Mse(string r, Reduction red) => Check($"mse_{r}", x => F.MseLoss(x[0], x[1], red));

    [Theory, MemberData(nameof(Reductions))]
    public void Bce(string r, Reduction red) => Check($"bce_{r}", x => F.BinaryCrossEntropy(x[0], x[1], red));

    /// <summary>Soft targets in [0, 1], with the target's gradient too (PyTorch differentiates BCE in the target).</summary>
    [Theory, MemberData(nameof(Reductions))]
    public void BceSoftTarget(string r, Reduction red) => Check($"bce_soft_target_{r}", x => F.BinaryCrossEntropy(x[0], x[1], red));

    /// <summary>p = 0 and 1 exactly (logs clamped at −100) and p within 1e−6 of them. The gradient there is
    /// (p − y)/max(p(1 − p), 1e−12), up to 1e11 in size, so only the relative tolerance matters; 1e−3 rel because
    /// 1 − p loses most of its digits in float32 near p = 1.</summary>
    [Theory, MemberData(nameof(Reductions))]
    public void BceEdges(string r, Reduction red) => Check($"bce_edges_{r}", x => F.BinaryCrossEntropy(x[0], x[1], red), rtol: 1e-3f);

    /// <summary>Logits up to ±100: finite loss, gradient σ(x) − y, and the target's gradient −x.</summary>
    [Theory, MemberData(nameof(Reductions))]
    public void BceWithLogits(string r, Reduction red) =>
        Check($"bce_logits_{r}", x => F.BinaryCrossEntropyWithLogits(x[0], x[1], red));

    [Theory, MemberData(nameof(Reductions))]
    public void CrossEntropy(string r, Reduction red) => Check($"cross_entropy_{r}", x => F.CrossEntropy(x[0], Fixtures.Ints(x[1]), red));

    [Theory, MemberData(nameof(Reductions))]
    public void NllLoss(string r, Reduction red) => Check($"nll_{r}", x => F.NllLoss(x[0].LogSoftmax(1), Fixtures.Ints(x[1]), red));

    [Theory, MemberData(nameof(Reductions))]
    public void GaussianKl(string r, Reduction red) => Check($"gaussian_kl_{r}", x => F.GaussianKl(x[0], x[1], red));
}
