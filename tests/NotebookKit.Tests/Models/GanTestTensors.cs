using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

/// <summary>Comparisons and checks the GAN and classifier tests share.</summary>
internal static class GanTestTensors
{
    /// <summary>Same shape and bit-for-bit the same values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Number of parameters, as torch's sum(p.numel() for p in m.parameters()).</summary>
    public static long Count(nn.Module m) => m.parameters().Sum(p => p.numel());

    /// <summary>G turns (n, 100) noise into fakes of <paramref name="fakeShape"/> (n first) in tanh's [−1, 1]; D gives each fake one logit, (n, 1).</summary>
    public static void AssertFakesInRangeAndScored(nn.Module<Tensor, Tensor> netG, nn.Module<Tensor, Tensor> netD, long[] fakeShape)
    {
        using var fake = netG.forward(randn(fakeShape[0], 100));
        Assert.Equal(fakeShape, fake.shape);
        Assert.True(fake.min().item<float>() >= -1f && fake.max().item<float>() <= 1f, $"fakes outside [-1, 1]: {fake.min().item<float>()}..{fake.max().item<float>()}");
        using var logits = netD.forward(fake);
        Assert.Equal([fakeShape[0], 1L], logits.shape);
    }
}
