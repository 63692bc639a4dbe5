using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class ConditionalGanTests
{
    [Fact]
    public void ConcatenatesOneHotLabelsToNoiseAndImages()
    {
        var cgan = new ConditionalGan(latentDim: 8, numClasses: 3, imageDim: 12, seed: 2);
        var z = randn(5, 8);
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 });
        var x = cgan.Generate(z, labels);
        Assert.Equal([5L, 12], x.shape);
        Assert.Equal([5L, 1], cgan.Discriminate(x, labels).shape);
        Assert.Equal([128L, 8 + 3], cgan.netG.state_dict()["0.weight"].shape);
        Assert.Equal([512L, 12 + 3], cgan.netD.state_dict()["0.weight"].shape);
        Assert.Contains("netG.0.weight", cgan.state_dict().Keys);

        var oneHot = tensor(new float[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 }, { 0, 1, 0 }, { 1, 0, 0 } });
        Assert.True(x.allclose(cgan.netG.forward(cat([z, oneHot], 1))));
        Assert.True(cgan.forward(z, labels).allclose(x));
        Assert.False(cgan.Generate(z, tensor(new long[] { 1, 2, 0, 0, 1 })).allclose(x));   // the label changes the image
    }

    [Fact]
    public void ASeedFixesEveryWeightOfBothNets()
    {
        torch.manual_seed(1);
        var a = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, seed: 5).state_dict();
        torch.manual_seed(2);
        var b = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, seed: 5).state_dict();
        Assert.Equal(16, a.Count);
        Assert.All(a.Keys, k => Assert.True(GanTestTensors.Same(a[k], b[k]), k));
        Assert.False(GanTestTensors.Same(a["netD.6.weight"], new ConditionalGan(4, 3, 6, seed: 6).state_dict()["netD.6.weight"]));
    }

    [Fact]
    public void RejectsLabelsOutOfRangeAndWrongShapes()
    {
        var cgan = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, seed: 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => cgan.Generate(randn(1, 4), tensor(new long[] { 3 })));
        Assert.Contains("[0, 2]", e.Message);
        Assert.Contains("to 3", e.Message);
        var s = Assert.Throws<ArgumentException>(() => cgan.Generate(randn(2, 5), tensor(new long[] { 0, 1 })));
        Assert.Contains("(2, 5)", s.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGan(numClasses: 1));
    }
}
