using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.NN;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Models;

public class GanTests
{
    [Fact]
    public void MlpGanMatchesTheReferenceLayout()
    {
        var netG = MlpGan.Generator(generator: new Generator(0));
        var netD = MlpGan.Discriminator(generator: new Generator(0));
        Assert.Equal([5, 784], netG.Forward(Torch.Randn(5, 100)).Shape);
        Assert.Equal([5, 1], netD.Forward(Torch.Randn(5, 784)).Shape);
        // torch: sum(p.numel() for p in G.parameters()) for 100-128-256-512-784 and 784-512-256-128-1
        Assert.Equal(100 * 128 + 128 + 128 * 256 + 256 + 256 * 512 + 512 + 512 * 784 + 784, netG.ParameterCount());
        Assert.Equal(784 * 512 + 512 + 512 * 256 + 256 + 256 * 128 + 128 + 128 + 1, netD.ParameterCount());
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"],
            netG.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void DcganShapesAndStateDictKeysMatchPyTorch()
    {
        var netG = Dcgan.Generator(generator: new Generator(0));
        var netD = Dcgan.Discriminator(new Generator(0));
        var fake = netG.Forward(Torch.Randn(4, 100));
        Assert.Equal([4, 1, 28, 28], fake.Shape);
        Assert.InRange(fake.ToArray().Min(), -1f, 1f);
        Assert.Equal([4, 1], netD.Forward(fake).Shape);
        Assert.Contains("2.running_mean", netG.StateDict().Keys);
        Assert.Contains("4.weight", netG.StateDict().Keys);      // ConvTranspose2d(128, 64, 4, 2, 1)
        Assert.Equal([128, 64, 4, 4], netG.StateDict()["4.weight"].Shape);
        Assert.Equal([1, 6272], netD.StateDict()["6.weight"].Shape);
    }

    [Fact]
    public void AlternatingUpdatesLearnAOneDimensionalGaussian()
    {
        // Data N(3, 0.5²); G is affine in z, so it can match it exactly. After training, G's samples must have
        // moved from mean ≈ 0 to within 0.4 of 3 and D must be near indifferent (D(x) and D(G(z)) within 0.2 of ½).
        var g = new Generator(11);
        var netG = new Sequential(new Linear(1, 16, generator: g), new ReLU(), new Linear(16, 1, generator: g));
        var netD = new Sequential(new Linear(1, 32, generator: g), new LeakyReLU(0.2f), new Linear(32, 1, generator: g));
        var optG = new Adam(netG.Parameters(), lr: 2e-3f, betas: (0.5f, 0.999f));
        var optD = new Adam(netD.Parameters(), lr: 2e-3f, betas: (0.5f, 0.999f));
        GanStepResult last = null!;
        for (int step = 0; step < 1500; step++)
        {
            var real = Torch.Randn([64, 1], g) * 0.5f + 3f;
            last = GanTraining.Step(netG, netD, optG, optD, real, latentDim: 1, generator: g);
        }
        using var _ = Torch.NoGrad();
        float mean = netG.Forward(Torch.Randn([4000, 1], g)).Mean().Item();
        Assert.InRange(mean, 2.6f, 3.4f);
        Assert.InRange(last.DReal, 0.3f, 0.7f);
        Assert.InRange(last.DFake, 0.3f, 0.7f);
    }

    [Fact]
    public void ConditionalGanConcatenatesOneHotLabels()
    {
        var cgan = new ConditionalGan(latentDim: 8, numClasses: 3, imageDim: 12, generator: new Generator(2));
        var x = cgan.Generate(Torch.Randn(5, 8), [0, 1, 2, 1, 0]);
        Assert.Equal([5, 12], x.Shape);
        Assert.Equal([5, 1], cgan.Discriminate(x, [0, 1, 2, 1, 0]).Shape);
        Assert.Equal([8 + 3, 128], [cgan.NetG.StateDict()["0.weight"].Size(1), cgan.NetG.StateDict()["0.weight"].Size(0)]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => cgan.Generate(Torch.Randn(1, 8), [3]));
        Assert.Contains("labels[0] = 3", ex.Message);
    }
}
