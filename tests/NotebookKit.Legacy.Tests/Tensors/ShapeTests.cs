using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Tensors;

/// <summary>Reshape-like views, Transpose/Permute, Narrow/Slice/Select/IndexSelect, Cat/Stack.</summary>
public class ShapeTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(shape, seed);

    [Fact]
    public void ViewsGradient()
    {
        GradCheck.Check(x => x[0].Reshape(4, -1) * x[0].Reshape(4, -1), [R(40, 2, 3, 4)], name: "Reshape");
        GradCheck.Check(x => x[0].View(6, 4), [R(41, 2, 3, 4)], name: "View");
        GradCheck.Check(x => x[0].Flatten(1), [R(42, 2, 3, 4)], name: "Flatten");
        GradCheck.Check(x => x[0].Flatten(), [R(43, 2, 3, 4)], name: "Flatten()");
        GradCheck.Check(x => x[0].Unflatten(1, 3, -1), [R(44, 2, 12)], name: "Unflatten");
        GradCheck.Check(x => x[0].Squeeze(1), [R(45, 3, 1, 4)], name: "Squeeze");
        GradCheck.Check(x => x[0].Unsqueeze(0), [R(46, 3, 4)], name: "Unsqueeze");
    }

    [Fact]
    public void ViewShapes()
    {
        var x = Torch.Zeros(2, 3, 4);
        Assert.Equal([2, 12], x.Flatten(1).Shape);
        Assert.Equal([24], x.Flatten().Shape);
        Assert.Equal([6, 4], x.Flatten(0, 1).Shape);
        Assert.Equal([2, 3, 2, 2], x.Unflatten(2, 2, 2).Shape);
        Assert.Equal([2, 3, 4], x.Squeeze(1).Shape);       // not size 1: unchanged, as PyTorch
        Assert.Equal([2, 3, 4, 1], x.Unsqueeze(-1).Shape);
        Assert.Equal([1, 2, 3, 4], x.Unsqueeze(0).Shape);
        Assert.Equal([3, 8], x.Reshape(3, -1).Shape);
        Assert.Equal([1], Torch.Scalar(1f).Flatten().Shape);
    }

    [Fact]
    public void PermuteAndTranspose()
    {
        var x = Torch.Arange(0, 24).Reshape(2, 3, 4);
        var p = x.Permute(2, 0, 1);
        Assert.Equal([4, 2, 3], p.Shape);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++)
            Assert.Equal(x.At(i, j, k), p.At(k, i, j));
        var t = x.Transpose(0, 2);
        Assert.Equal(x.At(1, 2, 3), t.At(3, 2, 1));
        var m = Torch.Arange(0, 6).Reshape(2, 3);
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], m.T.ToArray());
        // a 2-d transpose larger than the 32×32 cache block
        var big = R(47, 40, 70);
        var bt = big.T;
        Assert.Equal(big.At(39, 69), bt.At(69, 39));
        Assert.Equal(big.At(33, 1), bt.At(1, 33));
        GradCheck.Check(x => x[0].Permute(2, 0, 1), [R(48, 2, 3, 4)], name: "Permute");
        GradCheck.Check(x => x[0].Transpose(-1, 0), [R(49, 2, 3, 4)], name: "Transpose");
        GradCheck.Check(x => x[0].T, [R(50, 3, 5)], name: "T");
        Assert.Contains("repeat", Assert.Throws<ArgumentException>(() => x.Permute(0, 0, 1)).Message);
    }

    [Fact]
    public void SlicingGradient()
    {
        GradCheck.Check(x => x[0].Narrow(1, 1, 2), [R(51, 3, 4, 2)], name: "Narrow");
        GradCheck.Check(x => x[0].Slice(0, 1, -1), [R(52, 5, 3)], name: "Slice");
        GradCheck.Check(x => x[0].Select(1, -1), [R(53, 3, 4, 2)], name: "Select");
        GradCheck.Check(x => x[0][1], [R(54, 3, 4)], name: "indexer");
        GradCheck.Check(x => x[0].IndexSelect(0, [2, 0, 2, 2, 1]), [R(55, 3, 4)], name: "IndexSelect repeated");
        GradCheck.Check(x => x[0].IndexSelect(2, [1, 1]), [R(56, 2, 3, 4)], name: "IndexSelect dim 2");
    }

    [Fact]
    public void SlicingValues()
    {
        var x = Torch.Arange(0, 12).Reshape(3, 4);
        Assert.Equal([1f, 2f, 5f, 6f, 9f, 10f], x.Narrow(1, 1, 2).ToArray());
        Assert.Equal([4f, 5f, 6f, 7f], x.Slice(0, 1, 2).ToArray());
        Assert.Equal([8f, 9f, 10f, 11f], x.Slice(0, -1, 100).ToArray()); // clamped as Python slices
        Assert.Equal([3f, 7f, 11f], x.Select(1, -1).ToArray());
        Assert.Equal([4f, 5f, 6f, 7f], x[1].ToArray());
        Assert.Equal([8f, 9f, 10f, 11f, 0f, 1f, 2f, 3f, 8f, 9f, 10f, 11f], x.IndexSelect(0, [2, 0, 2]).ToArray());
    }

    [Fact]
    public void IndexSelectRepeatedIndicesAccumulate()
    {
        var x = Torch.Zeros(3, 2).RequiresGrad_();
        x.IndexSelect(0, [2, 0, 2, 2]).Sum().Backward();
        Assert.Equal([1f, 1f, 0f, 0f, 3f, 3f], x.Grad!.ToArray());
    }

    [Fact]
    public void CatAndStackGradient()
    {
        GradCheck.Check(x => Torch.Cat([x[0], x[1], x[2]], 0), [R(57, 2, 3), R(58, 1, 3), R(59, 3, 3)], name: "Cat 0");
        GradCheck.Check(x => Torch.Cat([x[0], x[1]], -1), [R(60, 2, 3, 2), R(61, 2, 3, 1)], name: "Cat -1");
        GradCheck.Check(x => Torch.Stack([x[0], x[1]], 1), [R(62, 3, 4), R(63, 3, 4)], name: "Stack 1");
        GradCheck.Check(x => Torch.Stack([x[0], x[1], x[0]], -1), [R(64, 3, 4), R(65, 3, 4)], name: "Stack -1 with a repeat");
    }

    [Fact]
    public void CatAndStackValues()
    {
        var a = Torch.Tensor([1f, 2f, 3f, 4f], 2, 2); var b = Torch.Tensor([5f, 6f], 2, 1);
        Assert.Equal([1f, 2f, 5f, 3f, 4f, 6f], Torch.Cat([a, b], 1).ToArray());
        var s = Torch.Stack([a, a * 10f], 2);
        Assert.Equal([2, 2, 2], s.Shape);
        Assert.Equal([1f, 10f, 2f, 20f, 3f, 30f, 4f, 40f], s.ToArray());
    }

    [Fact]
    public void ShapeErrorsNameOpAndShapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Torch.Zeros(2, 3).Reshape(4, 2));
        Assert.Contains("Reshape", e.Message); Assert.Contains("(2, 3)", e.Message); Assert.Contains("(4, 2)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Torch.Cat([Torch.Zeros(2, 3), Torch.Zeros(2, 4)], 0));
        Assert.Contains("Cat", e.Message); Assert.Contains("(2, 3)", e.Message); Assert.Contains("(2, 4)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Torch.Stack([Torch.Zeros(2, 3), Torch.Zeros(3, 2)]));
        Assert.Contains("Stack", e.Message); Assert.Contains("(2, 3)", e.Message); Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("IndexSelect", Assert.Throws<IndexOutOfRangeException>(() => Torch.Zeros(2, 3).IndexSelect(0, [2])).Message);
        Assert.Contains("Narrow", Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Zeros(2, 3).Narrow(1, 2, 2)).Message);
    }
}
