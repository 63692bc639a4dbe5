using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Tensors;

/// <summary>Sum/Mean/Max over all elements and per dim (with and without keepDim), ArgMax, Softmax/LogSoftmax.</summary>
public class ReduceTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed);

    /// <summary>Distinct values at least 0.1 apart (a shuffled ramp), so no two are within the finite-difference step
    /// and Max's choice cannot flip under the ±eps nudge.</summary>
    private static Tensor Distinct(ulong seed, params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        var perm = new Generator(seed).Permutation(n);
        return Torch.FromArray(perm.Select(i => (i - n / 2) * 0.1f).ToArray(), shape);
    }

    public static TheoryData<int, bool> DimsKeep() => new()
        { { 0, false }, { 1, false }, { 2, false }, { -1, false }, { 0, true }, { 1, true }, { 2, true }, { -2, true } };

    [Theory, MemberData(nameof(DimsKeep))]
    public void SumDimGradient(int d, bool keep) => GradCheck.Check(x => x[0].Sum(d, keep), [R(30, 2, 3, 4)], name: "Sum(dim)");

    [Theory, MemberData(nameof(DimsKeep))]
    public void MeanDimGradient(int d, bool keep) => GradCheck.Check(x => x[0].Mean(d, keep), [R(31, 2, 3, 4)], name: "Mean(dim)");

    [Theory, MemberData(nameof(DimsKeep))]
    public void MaxDimGradient(int d, bool keep) => GradCheck.Check(x => x[0].Max(d, keep), [Distinct(32, 2, 3, 4)], name: "Max(dim)");

    [Fact]
    public void FullReductionsGradient()
    {
        GradCheck.Check(x => x[0].Sum(), [R(33, 3, 5)], name: "Sum");
        GradCheck.Check(x => x[0].Mean(), [R(34, 3, 5)], name: "Mean");
        GradCheck.Check(x => x[0].Max(), [Distinct(35, 3, 5)], name: "Max");
    }

    [Theory, MemberData(nameof(DimsKeep))]
    public void ReducedShapes(int d, bool keep)
    {
        var x = Torch.Zeros(2, 3, 4);
        var expected = new List<int> { 2, 3, 4 };
        int nd = d < 0 ? d + 3 : d;
        if (keep) expected[nd] = 1; else expected.RemoveAt(nd);
        Assert.Equal(expected, x.Sum(d, keep).Shape);
        Assert.Equal(expected, x.Mean(d, keep).Shape);
        Assert.Equal(expected, x.Max(d, keep).Shape);
        Assert.Equal(expected, x.ArgMax(d, keep).Shape);
    }

    [Fact]
    public void Values()
    {
        var x = Torch.Arange(0, 6).Reshape(2, 3); // [[0, 1, 2], [3, 4, 5]]
        Assert.Equal(15f, x.Sum().Item());
        Assert.Empty(x.Sum().Shape);
        Assert.Equal(2.5f, x.Mean().Item());
        Assert.Equal([3f, 5f, 7f], x.Sum(0).ToArray());
        Assert.Equal([1f, 4f], x.Mean(1).ToArray());
        Assert.Equal([2f, 5f], x.Max(1).ToArray());
        Assert.Equal(5f, x.Max().Item());
        Assert.Equal([2f, 2f], x.ArgMax(1).ToArray());
        Assert.Equal([1f, 1f, 1f], x.ArgMax(0).ToArray());
    }

    [Fact]
    public void MaxGradientGoesToFirstMaximumOnTies()
    {
        var x = Torch.Tensor([1f, 3f, 3f, 0f, 2f, 2f], 2, 3).RequiresGrad_();
        x.Max(1).Sum().Backward();
        Assert.Equal([0f, 1f, 0f, 0f, 1f, 0f], x.Grad!.ToArray());
        Assert.Equal([1f, 1f], x.ArgMax(1).ToArray());
    }

    [Theory, InlineData(0), InlineData(1), InlineData(-1)]
    public void SoftmaxGradient(int d) => GradCheck.Check(x => x[0].Softmax(d), [R(36, 3, 4, 5)], name: $"Softmax({d})");

    [Theory, InlineData(0), InlineData(1), InlineData(-1)]
    public void LogSoftmaxGradient(int d) => GradCheck.Check(x => x[0].LogSoftmax(d), [R(37, 3, 4, 5)], name: $"LogSoftmax({d})");

    [Theory, InlineData(0), InlineData(1), InlineData(2)]
    public void SoftmaxSumsToOneAndMatchesExpLogSoftmax(int d)
    {
        var x = R(38, 3, 4, 5) * 10f;
        var sums = x.Softmax(d).Sum(d).ToArray();
        Assert.All(sums, s => Assert.Equal(1f, s, 5));
        var a = x.Softmax(d).ToArray(); var b = x.LogSoftmax(d).Exp().ToArray();
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 5);
    }

    [Fact]
    public void SoftmaxIsStableForLargeLogits()
    {
        var y = Torch.Tensor([1000f, 1000f, -1000f]).Softmax(0).ToArray();
        Assert.Equal([0.5f, 0.5f, 0f], y);
        var ly = Torch.Tensor([1000f, 0f]).LogSoftmax(0).ToArray();
        Assert.Equal([0f, -1000f], ly);
    }

    [Fact]
    public void BadDimNamesOpAndRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Zeros(2, 3).Sum(2));
        Assert.Contains("Sum", e.Message);
        Assert.Contains("-2..1", e.Message);
    }
}
