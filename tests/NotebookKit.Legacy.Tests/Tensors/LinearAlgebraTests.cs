using NotebookKit.Tensors;
using NotebookKit.Tensors.Kernels;
using NotebookKit.Tests.TestSupport;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Tensors;

/// <summary>Matmul in all its forms, the fused Linear, and the SGEMM kernel against its double-precision reference.</summary>
public class LinearAlgebraTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed);

    public static TheoryData<int[], int[], int[]> MatmulShapes() => new()
    {
        { [3, 4], [4, 5], [3, 5] },
        { [4], [4], [] },
        { [3, 4], [4], [3] },
        { [4], [4, 5], [5] },
        { [2, 3, 4], [2, 4, 5], [2, 3, 5] },
        { [2, 3, 4], [4, 5], [2, 3, 5] },
        { [2, 2, 3, 4], [2, 2, 4, 1], [2, 2, 3, 1] },
        { [1, 9], [9, 17], [1, 17] },
        { [3, 4], [2, 4, 5], [2, 3, 5] },        // one matrix applied to a batch
        { [4], [2, 4, 5], [2, 5] },
    };

    [Theory, MemberData(nameof(MatmulShapes))]
    public void MatmulShapeAndGradient(int[] a, int[] b, int[] expected)
    {
        Assert.Equal(expected, R(70, a).Matmul(R(71, b)).Shape);
        GradCheck.Check(x => x[0].Matmul(x[1]), [R(72, a), R(73, b)], name: "Matmul");
    }

    [Fact]
    public void MatmulValues()
    {
        var a = Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Torch.Tensor(new float[,] { { 5, 6 }, { 7, 8 } });
        Assert.Equal([19f, 22f, 43f, 50f], a.Matmul(b).ToArray());
        Assert.Equal(11f, Torch.Tensor([1f, 2f]).Matmul(Torch.Tensor([3f, 4f])).Item());
        Assert.Equal([17f, 39f], a.Matmul(Torch.Tensor([5f, 6f])).ToArray());
        Assert.Equal([23f, 34f], Torch.Tensor([5f, 6f]).Matmul(a).ToArray());
    }

    [Fact]
    public void LinearGradientAndValue()
    {
        GradCheck.Check(x => F.Linear(x[0], x[1], x[2]), [R(74, 2, 3, 4), R(75, 5, 4), R(76, 5)], name: "Linear");
        GradCheck.Check(x => F.Linear(x[0], x[1]), [R(77, 6, 4), R(78, 5, 4)], name: "Linear without bias");
        var x = R(79, 6, 4); var w = R(80, 5, 4); var b = R(81, 5);
        var viaMatmul = (x.Matmul(w.T) + b).ToArray();
        var fused = F.Linear(x, w, b).ToArray();
        for (int i = 0; i < fused.Length; i++) Assert.Equal(viaMatmul[i], fused[i], 5);
    }

    [Theory]
    [InlineData(false, false), InlineData(true, false), InlineData(false, true), InlineData(true, true)]
    public void SgemmMatchesReference(bool transA, bool transB)
    {
        int m = 13, n = 21, k = 17;
        var a = R(82, m * k).ToArray(); var b = R(83, k * n).ToArray();
        var c1 = R(84, m * n).ToArray(); var c2 = (float[])c1.Clone();
        int lda = transA ? m : k, ldb = transB ? k : n;
        Gemm.Sgemm(transA, transB, m, n, k, 0.5f, a, 0, lda, b, 0, ldb, 1f, c1, 0, n);
        GemmReference.Sgemm(transA, transB, m, n, k, 0.5f, a, 0, lda, b, 0, ldb, 1f, c2, 0, n);
        for (int i = 0; i < c1.Length; i++) Assert.Equal(c2[i], c1[i], 1e-5f); // float accumulation vs double: a few ulps
    }

    [Fact]
    public void ShapeErrorsNameOpAndShapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Torch.Zeros(2, 3).Matmul(Torch.Zeros(4, 5)));
        Assert.Contains("Matmul", e.Message); Assert.Contains("(2, 3)", e.Message); Assert.Contains("(4, 5)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Torch.Zeros(2, 3, 4).Matmul(Torch.Zeros(3, 4, 5)));
        Assert.Contains("(2, 3, 4)", e.Message); Assert.Contains("(3, 4, 5)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => F.Linear(Torch.Zeros(2, 3), Torch.Zeros(5, 4)));
        Assert.Contains("Linear", e.Message); Assert.Contains("(2, 3)", e.Message); Assert.Contains("(5, 4)", e.Message);
    }
}
