using NotebookKit.Tensors;
using NotebookKit.Tensors.Kernels;
using NotebookKit.Tests.TestSupport;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Tensors;

public class ConvolutionTests
{
    public static TheoryData<string> Conv2dCases => [.. ConvFixture.Names("conv2d")];
    public static TheoryData<string> ConvTranspose2dCases => [.. ConvFixture.Names("conv_transpose2d")];

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void Conv2d_matches_PyTorch(string name) => CheckAgainstPyTorch(name, (x, w, b, f) =>
        F.Conv2d(x, w, b, f.Int("stride"), f.Int("padding")));

    [Theory]
    [MemberData(nameof(ConvTranspose2dCases))]
    public void ConvTranspose2d_matches_PyTorch(string name) => CheckAgainstPyTorch(name, (x, w, b, f) =>
        F.ConvTranspose2d(x, w, b, f.Int("stride"), f.Int("padding"), f.Int("output_padding")));

    private static void CheckAgainstPyTorch(string name, Func<Tensor, Tensor, Tensor?, ConvFixture, Tensor> op)
    {
        var f = ConvFixture.Load(name);
        var x = f.T("x").RequiresGrad_();
        var w = f.T("weight").RequiresGrad_();
        var b = f.Has("bias") ? f.T("bias").RequiresGrad_() : null;
        var y = op(x, w, b, f);
        ConvFixture.AssertClose(f.T("y"), y, $"{name} y");
        (y * f.T("dy")).Sum().Backward();
        ConvFixture.AssertClose(f.T("grad_x"), x.Grad, $"{name} grad x");
        ConvFixture.AssertClose(f.T("grad_weight"), w.Grad, $"{name} grad weight");
        if (b != null) ConvFixture.AssertClose(f.T("grad_bias"), b.Grad, $"{name} grad bias");
    }

    [Theory]
    [InlineData(1, 2, 5, 5, 3, 3, 1, 0)]
    [InlineData(2, 2, 5, 4, 3, 3, 1, 1)]
    [InlineData(2, 1, 6, 6, 4, 4, 2, 1)]
    [InlineData(1, 3, 7, 5, 2, 3, 3, 2)]
    [InlineData(2, 2, 3, 3, 1, 1, 1, 0)]
    public void Conv2d_gradcheck(int n, int cin, int h, int w, int cout, int k, int s, int p) =>
        GradCheck.Check(t => F.Conv2d(t[0], t[1], t[2], s, p),
            [GradCheck.Random([n, cin, h, w], 1), GradCheck.Random([cout, cin, k, k], 2), GradCheck.Random([cout], 3)],
            name: $"Conv2d k{k} s{s} p{p}");

    [Theory]
    [InlineData(1, 2, 3, 3, 3, 3, 1, 0, 0)]
    [InlineData(2, 2, 3, 4, 2, 4, 2, 1, 0)]
    [InlineData(1, 3, 3, 2, 2, 3, 2, 1, 1)]
    [InlineData(2, 1, 2, 2, 2, 3, 3, 0, 2)]
    public void ConvTranspose2d_gradcheck(int n, int cin, int h, int w, int cout, int k, int s, int p, int op) =>
        GradCheck.Check(t => F.ConvTranspose2d(t[0], t[1], t[2], s, p, op),
            [GradCheck.Random([n, cin, h, w], 1), GradCheck.Random([cin, cout, k, k], 2), GradCheck.Random([cout], 3)],
            name: $"ConvTranspose2d k{k} s{s} p{p} op{op}");

    [Theory]
    [InlineData(2, 3, 9, 7, 4, 3, 2, 1, 2, 0)]
    [InlineData(3, 5, 8, 8, 6, 4, 4, 2, 1, 1)]
    [InlineData(1, 2, 5, 11, 3, 1, 5, 3, 3, 2)]
    public void Fast_paths_match_the_reference_loops(int n, int cin, int h, int w, int cout, int kh, int kw, int s, int p, int op)
    {
        var x = GradCheck.Random([n, cin, h, w], 1);
        var wc = GradCheck.Random([cout, cin, kh, kw], 2);
        var b = GradCheck.Random([cout], 3);
        var y = F.Conv2d(x, wc, b, (s, s + 1), (p, p));
        var expected = ConvReference.Conv2d(x.ToArray(), x.Shape, wc.ToArray(), wc.Shape, b.ToArray(), s, s + 1, p, p);
        ConvFixture.AssertClose(Torch.FromArray(expected, y.Shape), y, "Conv2d");

        var wt = GradCheck.Random([cin, cout, kh, kw], 4);
        var yt = F.ConvTranspose2d(x, wt, b, (s, s + 1), (p, p), (op, op));
        expected = ConvReference.ConvTranspose2d(x.ToArray(), x.Shape, wt.ToArray(), wt.Shape, b.ToArray(), s, s + 1, p, p, op, op);
        ConvFixture.AssertClose(Torch.FromArray(expected, yt.Shape), yt, "ConvTranspose2d");
    }

    [Theory]
    [InlineData(28, 4, 2, 1, 14)]
    [InlineData(14, 4, 2, 1, 7)]
    [InlineData(7, 3, 1, 1, 7)]
    [InlineData(7, 3, 2, 0, 3)]
    [InlineData(5, 5, 1, 0, 1)]
    public void Conv2d_output_size(int h, int k, int s, int p, int expected)
    {
        var y = F.Conv2d(Torch.Zeros(2, 3, h, h), Torch.Zeros(5, 3, k, k), null, s, p);
        Assert.Equal([2, 5, expected, expected], y.Shape);
    }

    [Theory]
    [InlineData(7, 4, 2, 1, 0, 14)]
    [InlineData(14, 4, 2, 1, 0, 28)]
    [InlineData(1, 7, 1, 0, 0, 7)]
    [InlineData(4, 3, 2, 1, 1, 8)]
    public void ConvTranspose2d_output_size(int h, int k, int s, int p, int op, int expected)
    {
        var y = F.ConvTranspose2d(Torch.Zeros(2, 3, h, h), Torch.Zeros(3, 5, k, k), null, s, p, op);
        Assert.Equal([2, 5, expected, expected], y.Shape);
    }

    [Theory]
    [InlineData(3, 4, 2, 1, 7, 0)]   // DCGAN: 7 ↔ 14
    [InlineData(2, 3, 2, 1, 8, 1)]   // 8 → 4 → 8 needs output padding 1
    [InlineData(3, 3, 1, 0, 5, 0)]
    public void ConvTranspose2d_is_the_adjoint_of_Conv2d(int c, int k, int s, int p, int small, int outputPadding)
    {
        // Same weight W (Cbig, Csmall, k, k): conv maps (N, Csmall, big) → (N, Cbig, small); convT maps back.
        int big = (small - 1) * s - 2 * p + k + outputPadding;
        var w = GradCheck.Random([c + 1, c, k, k], 1);
        var x = GradCheck.Random([2, c, big, big], 2);
        var y = GradCheck.Random([2, c + 1, small, small], 3);
        float lhs = (F.Conv2d(x, w, null, s, p) * y).Sum().Item();
        float rhs = (x * F.ConvTranspose2d(y, w, null, s, p, outputPadding)).Sum().Item();
        Assert.Equal(lhs, rhs, 1e-3f * MathF.Max(1f, MathF.Abs(lhs)));
    }

    [Fact]
    public void Conv2d_is_deterministic_and_chunks_agree_with_single_images()
    {
        // K·L = 576·2304 puts 3 images in a chunk, so batch 4 runs as two GEMMs; each image alone must give the same bits.
        var x = GradCheck.Random([4, 64, 48, 48], 1);
        var w = GradCheck.Random([2, 64, 3, 3], 2);
        var y = F.Conv2d(x, w, null, 1, 1);
        Assert.Equal(y.ToArray(), F.Conv2d(x, w, null, 1, 1).ToArray());
        for (int i = 0; i < 4; i++)
            Assert.Equal(y[i].ToArray(), F.Conv2d(x[i].Unsqueeze(0), w, null, 1, 1).ToArray());
    }

    [Fact]
    public void Errors_name_the_op_and_the_shapes()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => F.Conv2d(Torch.Zeros(8, 1, 28, 28), Torch.Zeros(4, 3, 3, 3)));
        Assert.Contains("Conv2d: expected input with 3 channels (N, 3, H, W)", ex.Message);
        Assert.Contains("(8, 1, 28, 28)", ex.Message);
        ex = Assert.Throws<ShapeMismatchException>(() => F.Conv2d(Torch.Zeros(1, 28, 28), Torch.Zeros(4, 1, 3, 3)));
        Assert.Contains("4-d input", ex.Message);
        ex = Assert.Throws<ShapeMismatchException>(() => F.Conv2d(Torch.Zeros(1, 1, 2, 2), Torch.Zeros(4, 1, 3, 3)));
        Assert.Contains("smaller than the kernel", ex.Message);
        ex = Assert.Throws<ShapeMismatchException>(() => F.ConvTranspose2d(Torch.Zeros(2, 4, 7, 7), Torch.Zeros(8, 4, 4, 4)));
        Assert.Contains("ConvTranspose2d: expected input with 8 channels", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => F.ConvTranspose2d(Torch.Zeros(1, 1, 3, 3), Torch.Zeros(1, 1, 3, 3), null, 2, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.Conv2d(Torch.Zeros(1, 1, 3, 3), Torch.Zeros(1, 1, 3, 3), null, 0, 0));
    }
}
