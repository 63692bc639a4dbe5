using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class MlpGanTests
{
    [Fact]
    public void LayoutShapesAndParameterCountsMatchTheAnchor()
    {
        var netG = MlpGan.Generator(seed: 0);
        var netD = MlpGan.Discriminator(seed: 0);
        GanTestTensors.AssertFakesInRangeAndScored(netG, netD, [5L, 784]);
        // torch: sum(p.numel() for p in G.parameters()) for 100-128-256-512-784 and 784-512-256-128-1
        Assert.Equal(100 * 128 + 128 + 128 * 256 + 256 + 256 * 512 + 512 + 512 * 784 + 784, GanTestTensors.Count(netG));
        Assert.Equal(579_728, GanTestTensors.Count(netG));
        Assert.Equal(566_273, GanTestTensors.Count(netD));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"],
            netG.state_dict().Keys);
        Assert.Equal([1L, 128], netD.state_dict()["6.weight"].shape);
    }

    [Fact]
    public void DefaultInitIsPyTorchsUniformWithinOneOverSqrtFanIn()
    {
        var w = MlpGan.Generator(seed: 0).state_dict()["0.weight"];   // (128, 100): U(−0.1, 0.1)
        float maxAbs = w.abs().max().item<float>();
        Assert.InRange(maxAbs, 0.099f, 0.1f);
        Assert.InRange(w.std().item<float>(), 0.1f / MathF.Sqrt(3) * 0.97f, 0.1f / MathF.Sqrt(3) * 1.03f);
    }

    [Fact]
    public void ASeedFixesTheWeightsAndLeavesTheGlobalStreamAlone()
    {
        torch.manual_seed(1);
        var a = MlpGan.Discriminator(seed: 4).state_dict()["0.weight"];
        torch.manual_seed(2);                        // the global stream plays no part in a seeded build
        var b = MlpGan.Discriminator(seed: 4).state_dict()["0.weight"];
        var c = MlpGan.Discriminator(seed: 5).state_dict()["0.weight"];
        Assert.True(GanTestTensors.Same(a, b));
        Assert.False(GanTestTensors.Same(a, c));

        torch.manual_seed(123);
        var expected = randn(3);
        torch.manual_seed(123);
        MlpGan.Generator(seed: 9);                   // seeded: must not advance the global generator
        Assert.True(GanTestTensors.Same(randn(3), expected));
    }

    [Fact]
    public void RejectsNonPositiveSizesNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MlpGan.Generator(latentDim: 0));
        Assert.Equal("latentDim", e.ParamName);
    }

}
