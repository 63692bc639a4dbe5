using NotebookKit.NN;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.NN;

public class Conv2dTests
{
    [Fact]
    public void Forward_gives_the_DCGAN_discriminator_shapes()
    {
        var conv1 = new Conv2d(1, 64, 4, 2, 1);
        var conv2 = new Conv2d(64, 128, 4, 2, 1);
        var h = conv1.Forward(Torch.Randn(2, 1, 28, 28));
        Assert.Equal([2, 64, 14, 14], h.Shape);
        Assert.Equal([2, 128, 7, 7], conv2.Forward(h).Shape);
    }

    [Fact]
    public void Parameters_are_named_and_shaped_as_in_PyTorch()
    {
        var conv = new Conv2d(3, 8, 5);
        Assert.Equal(["weight", "bias"], conv.NamedParameters().Select(p => p.Name));
        Assert.Equal([8, 3, 5, 5], conv.Weight.Shape);
        Assert.Equal([8], conv.Bias!.Shape);
        Assert.Equal(["weight"], new Conv2d(3, 8, 5, bias: false).StateDict().Keys);
    }

    [Fact]
    public void Init_is_Kaiming_uniform_with_bound_one_over_sqrt_fan_in()
    {
        var conv = new Conv2d(4, 32, 3, generator: new Generator(7));
        float bound = 1f / MathF.Sqrt(4 * 3 * 3);
        foreach (var t in new[] { conv.Weight, conv.Bias! })
        {
            var v = t.ToArray();
            Assert.All(v, x => Assert.InRange(x, -bound, bound));
            Assert.True(v.Max() > 0.8f * bound && v.Min() < -0.8f * bound, "values should fill the interval");
        }
    }

    [Fact]
    public void Same_seed_same_weights()
    {
        Assert.Equal(new Conv2d(2, 3, 3, generator: new Generator(1)).Weight.ToArray(),
                     new Conv2d(2, 3, 3, generator: new Generator(1)).Weight.ToArray());
    }

    [Fact]
    public void Module_matches_PyTorch_fixture_after_LoadStateDict()
    {
        var f = ConvFixture.Load("conv2d_k4_s2_p1_odd");
        var conv = new Conv2d(2, 3, 4, stride: 2, padding: 1);
        conv.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = f.T("weight"), ["bias"] = f.T("bias") });
        var x = f.T("x").RequiresGrad_();
        var y = conv.Forward(x);
        ConvFixture.AssertClose(f.T("y"), y, "y");
        (y * f.T("dy")).Sum().Backward();
        ConvFixture.AssertClose(f.T("grad_x"), x.Grad, "grad x");
        ConvFixture.AssertClose(f.T("grad_weight"), conv.Weight.Grad, "grad weight");
        ConvFixture.AssertClose(f.T("grad_bias"), conv.Bias!.Grad, "grad bias");
    }

    [Fact]
    public void ToString_is_PyTorch_repr()
    {
        Assert.Equal("Conv2d(1, 64, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))", new Conv2d(1, 64, 4, 2, 1).ToString());
        Assert.Equal("Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), bias=False)", new Conv2d(3, 8, 3, bias: false).ToString());
        Assert.Equal("Conv2d(3, 8, kernel_size=(3, 5), stride=(1, 2), padding=(1, 2))", new Conv2d(3, 8, (3, 5), (1, 2), (1, 2)).ToString());
    }

    [Fact]
    public void Wrong_input_names_the_expected_shape()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new Conv2d(3, 8, 3).Forward(Torch.Zeros(8, 1, 28, 28)));
        Assert.Equal("Conv2d: expected input with 3 channels (N, 3, H, W), got (8, 1, 28, 28).", ex.Message);
        ex = Assert.Throws<ShapeMismatchException>(() => new Conv2d(3, 8, 3).Forward(Torch.Zeros(3, 28, 28)));
        Assert.Contains("Unsqueeze(0)", ex.Message);
    }

    [Theory]
    [InlineData(0, 8, 3, 1, 0, "inChannels")]
    [InlineData(3, 0, 3, 1, 0, "outChannels")]
    [InlineData(3, 8, 0, 1, 0, "kernelSize")]
    [InlineData(3, 8, 3, 0, 0, "stride")]
    [InlineData(3, 8, 3, 1, -1, "padding")]
    public void Invalid_hyperparameters_are_rejected_by_name(int cin, int cout, int k, int s, int p, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(cin, cout, k, s, p));
        Assert.Equal(param, ex.ParamName);
        Assert.StartsWith("Conv2d: " + param, ex.Message);
    }
}
