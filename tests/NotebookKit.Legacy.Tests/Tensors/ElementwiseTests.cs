using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Tensors;

/// <summary>Add/Sub/Mul/Div/Neg and the operators: values, broadcasting, gradients (central differences), errors.</summary>
public class ElementwiseTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed);

    public static TheoryData<int[], int[]> BroadcastPairs() => new()
    {
        { [2, 3], [2, 3] },        // same shape
        { [3, 1, 4], [2, 1] },     // both sides broadcast → (3, 2, 4)
        { [5, 3], [3] },           // (N, D) + (D,)
        { [], [2, 3] },            // scalar on the left
        { [2, 3], [] },            // scalar on the right
        { [4, 1], [1, 5] },        // outer-product shape
        { [2, 1, 3], [2, 4, 1] },
        { [3, 19], [19] },         // rows longer than a SIMD vector, with a tail
        { [3, 19], [3, 1] },
    };

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void AddGradient(int[] a, int[] b) => GradCheck.Check(x => x[0] + x[1], [R(1, a), R(2, b)], name: "Add");

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void SubGradient(int[] a, int[] b) => GradCheck.Check(x => x[0] - x[1], [R(3, a), R(4, b)], name: "Sub");

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void MulGradient(int[] a, int[] b) => GradCheck.Check(x => x[0] * x[1], [R(5, a), R(6, b)], name: "Mul");

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void DivGradient(int[] a, int[] b) =>
        GradCheck.Check(x => x[0] / x[1], [R(7, a), GradCheck.Random(b, 8, 0.5f, 2f)], name: "Div");

    [Fact]
    public void NegAndScalarOperatorsGradient()
    {
        GradCheck.Check(x => -x[0], [R(9, 2, 3)], name: "Neg");
        GradCheck.Check(x => 2f * x[0] + 1f, [R(10, 2, 3)], name: "scalar *, +");
        GradCheck.Check(x => 3f - x[0] / 2f, [R(11, 2, 3)], name: "scalar -, /");
        GradCheck.Check(x => 1f / x[0] - 0.5f, [GradCheck.Random([2, 3], 12, 0.5f, 2f)], name: "scalar / tensor");
    }

    [Fact]
    public void BroadcastValuesFollowNumPy()
    {
        var a = Torch.Tensor([1f, 2f, 3f], 3, 1);
        var b = Torch.Tensor([10f, 20f], 2);
        var s = a + b;
        Assert.Equal([3, 2], s.Shape);
        Assert.Equal([11f, 21f, 12f, 22f, 13f, 23f], s.ToArray());
        Assert.Equal([-9f, -19f, -8f, -18f, -7f, -17f], (a - b).ToArray());
        Assert.Equal([10f, 20f, 20f, 40f, 30f, 60f], (a * b).ToArray());
        Assert.Equal([0.1f, 0.05f, 0.2f, 0.1f, 0.3f, 0.15f], (a / b).ToArray());
        Assert.Equal([-1f, -2f, -3f], (-a).ToArray());
    }

    [Fact]
    public void BroadcastGradientSumsOverRepeatedDims()
    {
        var a = Torch.Ones(4, 3).RequiresGrad_();
        var b = Torch.Tensor([1f, 2f, 3f]).RequiresGrad_();
        (a * b).Sum().Backward();
        Assert.Equal([4f, 4f, 4f], b.Grad!.ToArray());        // summed over the 4 rows
        Assert.Equal([1f, 2f, 3f, 1f, 2f, 3f], a.Grad!.ToArray()[..6]);
    }

    [Fact]
    public void LongRowsMatchScalarArithmetic()
    {
        // Rows of 37 exercise the SIMD body and the scalar tail of the broadcasting kernel.
        var a = R(13, 3, 37); var b = R(14, 37); var c = GradCheck.Random([3, 1], 15, 0.5f, 2f);
        var y = (a * b - a / c).ToArray();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 37; j++)
                Assert.Equal(a.At(i, j) * b.At(j) - a.At(i, j) / c.At(i, 0), y[i * 37 + j], 6);
    }

    [Fact]
    public void ShapeMismatchNamesOpAndBothShapes()
    {
        var a = Torch.Zeros(2, 3); var b = Torch.Zeros(4, 3);
        foreach (var (op, f) in new (string, Func<Tensor>)[] { ("Add", () => a + b), ("Sub", () => a - b), ("Mul", () => a * b), ("Div", () => a / b) })
        {
            var e = Assert.Throws<ShapeMismatchException>(f);
            Assert.Contains(op, e.Message);
            Assert.Contains("(2, 3)", e.Message);
            Assert.Contains("(4, 3)", e.Message);
        }
    }

    [Fact]
    public void ScalarPlusScalarIsZeroDim()
    {
        var s = Torch.Scalar(2f) + Torch.Scalar(3f);
        Assert.Empty(s.Shape);
        Assert.Equal(5f, s.Item());
    }
}
