using NotebookKit.NN;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.NN;

public class ConvTranspose2dTests
{
    [Fact]
    public void Forward_gives_the_DCGAN_generator_shapes()
    {
        var up1 = new ConvTranspose2d(128, 64, 4, 2, 1);
        var up2 = new ConvTranspose2d(64, 1, 4, 2, 1);
        var h = up1.Forward(Torch.Randn(2, 128, 7, 7));
        Assert.Equal([2, 64, 14, 14], h.Shape);
        Assert.Equal([2, 1, 28, 28], up2.Forward(h).Shape);
        Assert.Equal((28, 28), up2.OutputSize(14, 14));
    }

    [Fact]
    public void Weight_is_in_out_k_k_and_named_as_in_PyTorch()
    {
        var up = new ConvTranspose2d(16, 8, 4);
        Assert.Equal([16, 8, 4, 4], up.Weight.Shape);
        Assert.Equal([8], up.Bias!.Shape);
        Assert.Equal(["weight", "bias"], up.StateDict().Keys);
    }

    [Fact]
    public void Init_takes_fan_in_from_weight_dim_1_as_PyTorch()
    {
        // PyTorch: fan_in = weight.size(1)·k·k = outChannels·k·k = 64·16, not inChannels·k·k = 2·16.
        var up = new ConvTranspose2d(2, 64, 4, generator: new Generator(3));
        float bound = 1f / MathF.Sqrt(64 * 16);
        foreach (var t in new[] { up.Weight, up.Bias! })
        {
            var v = t.ToArray();
            Assert.All(v, x => Assert.InRange(x, -bound, bound));
            Assert.True(v.Max() > 0.8f * bound && v.Min() < -0.8f * bound, "values should fill the interval");
        }
    }

    [Theory]
    [InlineData("conv_transpose2d_dcgan_k4_s2_p1", 2, 1, 0)]
    [InlineData("conv_transpose2d_k3_s2_p1_op1", 2, 1, 1)]
    public void Module_matches_PyTorch_fixture_after_LoadStateDict(string name, int s, int p, int op)
    {
        var f = ConvFixture.Load(name);
        var w = f.T("weight");
        var up = new ConvTranspose2d(w.Size(0), w.Size(1), w.Size(2), s, p, op);
        up.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = w, ["bias"] = f.T("bias") });
        var x = f.T("x").RequiresGrad_();
        var y = up.Forward(x);
        ConvFixture.AssertClose(f.T("y"), y, "y");
        (y * f.T("dy")).Sum().Backward();
        ConvFixture.AssertClose(f.T("grad_x"), x.Grad, "grad x");
        ConvFixture.AssertClose(f.T("grad_weight"), up.Weight.Grad, "grad weight");
        ConvFixture.AssertClose(f.T("grad_bias"), up.Bias!.Grad, "grad bias");
    }

    [Fact]
    public void ToString_is_PyTorch_repr()
    {
        Assert.Equal("ConvTranspose2d(128, 64, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))", new ConvTranspose2d(128, 64, 4, 2, 1).ToString());
        Assert.Equal("ConvTranspose2d(3, 2, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1), bias=False)",
            new ConvTranspose2d(3, 2, 3, 2, 1, 1, bias: false).ToString());
    }

    [Fact]
    public void Wrong_input_and_hyperparameters_are_explained()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new ConvTranspose2d(128, 64, 4, 2, 1).Forward(Torch.Zeros(2, 64, 7, 7)));
        Assert.Equal("ConvTranspose2d: expected input with 128 channels (N, 128, H, W), got (2, 64, 7, 7).", ex.Message);
        var arg = Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose2d(3, 2, 3, stride: 2, outputPadding: 2));
        Assert.Equal("outputPadding", arg.ParamName);
        arg = Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose2d(3, 2, 0));
        Assert.Equal("kernelSize", arg.ParamName);
    }
}
