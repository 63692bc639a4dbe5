using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class DcganTests
{
    [Fact]
    public void ShapesKeysAndParameterCountsMatchTheAnchor()
    {
        var netG = Dcgan.Generator(seed: 0);
        var netD = Dcgan.Discriminator(seed: 0);
        GanTestTensors.AssertFakesInRangeAndScored(netG, netD, [4L, 1, 28, 28]);
        // G: Linear(100, 6272) 633,472 + BN(128) 256 + ConvT(128, 64, 4) 131,136 + BN(64) 128 + ConvT(64, 1, 4) 1,025
        Assert.Equal(766_017, GanTestTensors.Count(netG));
        // D: Conv(1, 64, 4) 1,088 + Conv(64, 128, 4) 131,200 + BN(128) 256 + Linear(6272, 1) 6,273
        Assert.Equal(138_817, GanTestTensors.Count(netD));
        var sd = netG.state_dict();
        Assert.Contains("2.running_mean", sd.Keys);
        Assert.Equal([128L, 64, 4, 4], sd["4.weight"].shape);       // ConvTranspose2d(128, 64, 4, 2, 1)
        Assert.Equal([1L, 6272], netD.state_dict()["6.weight"].shape);
    }

    [Fact]
    public void WeightsInitGivesConvNormal002AndBatchNormNormal1002WithZeroBias()
    {
        var netG = Dcgan.Generator(seed: 3);
        var netD = Dcgan.Discriminator(seed: 3);
        var convT = netG.state_dict()["4.weight"];                 // 131,072 draws of N(0, 0.02)
        Assert.InRange(convT.mean().item<float>(), -0.0005f, 0.0005f);
        Assert.InRange(convT.std().item<float>(), 0.0196f, 0.0204f);
        var conv = netD.state_dict()["2.weight"];                  // Conv2d(64, 128, 4): 131,072 draws
        Assert.InRange(conv.std().item<float>(), 0.0196f, 0.0204f);
        var bnW = netG.state_dict()["2.weight"];                   // 128 draws of N(1, 0.02)
        Assert.InRange(bnW.mean().item<float>(), 0.99f, 1.01f);
        Assert.InRange(bnW.std().item<float>(), 0.015f, 0.025f);
        Assert.Equal(0f, netG.state_dict()["2.bias"].abs().max().item<float>());
        Assert.Equal(0f, netD.state_dict()["3.bias"].abs().max().item<float>());
        // Linear layers keep PyTorch's default U(±1/√fan_in): std 1/√(3·100) = 0.0577 for G's first layer.
        Assert.InRange(netG.state_dict()["0.weight"].std().item<float>(), 0.056f, 0.059f);
    }

    [Fact]
    public void SameSeedSameWeights()
    {
        torch.manual_seed(1);
        var a = Dcgan.Generator(seed: 7).state_dict();
        torch.manual_seed(2);
        var b = Dcgan.Generator(seed: 7).state_dict();
        Assert.All(a.Keys, k => Assert.True(GanTestTensors.Same(a[k], b[k]), k));
        Assert.False(GanTestTensors.Same(a["4.weight"], Dcgan.Generator(seed: 8).state_dict()["4.weight"]));
    }
}
