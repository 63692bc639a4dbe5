using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// The small DCGAN for 28×28 images of shared/anchors/torch_dcgan.py (Radford et al., 2016, scaled down), as
/// <c>nn.Sequential</c>s with PyTorch's state-dict keys:
/// G: z (N, 100) → Linear → Unflatten (N, 128, 7, 7) → BN → ReLU → ConvT(128→64, 4, 2, 1) (N, 64, 14, 14) → BN → ReLU
///    → ConvT(64→1, 4, 2, 1) (N, 1, 28, 28) → tanh;
/// D: (N, 1, 28, 28) → Conv(1→64, 4, 2, 1) → LReLU(0.2) → Conv(64→128, 4, 2, 1) → BN → LReLU(0.2) → Flatten
///    → Linear(6272 → 1) logit.
/// Both get the DCGAN paper's <see cref="WeightsInit"/> (conv weights N(0, 0.02), batch-norm weights N(1, 0.02),
/// batch-norm biases 0); linear layers keep PyTorch's default.
/// </summary>
public static class Dcgan
{
    /// <summary>G: (N, latentDim) → (N, 1, 28, 28) in [−1, 1]. A <paramref name="seed"/> fixes the initial weights.</summary>
    public static Sequential Generator(int latentDim = 100, long? seed = null, Device? device = null)
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), $"Dcgan: latentDim must be at least 1, got {latentDim}.");
        var netG = Seeded(seed, () => Sequential(
            Linear(latentDim, 128 * 7 * 7), Unflatten(1, [128, 7, 7]), BatchNorm2d(128), ReLU(),
            ConvTranspose2d(128, 64, 4, stride: 2, padding: 1), BatchNorm2d(64), ReLU(),
            ConvTranspose2d(64, 1, 4, stride: 2, padding: 1), Tanh()));
        return device is null ? netG : netG.to(device);
    }

    /// <summary>D: (N, 1, 28, 28) → (N, 1) logits of "real". A <paramref name="seed"/> fixes the initial weights.</summary>
    public static Sequential Discriminator(long? seed = null, Device? device = null)
    {
        var netD = Seeded(seed, () => Sequential(
            Conv2d(1, 64, 4, stride: 2, padding: 1), LeakyReLU(0.2),
            Conv2d(64, 128, 4, stride: 2, padding: 1), BatchNorm2d(128), LeakyReLU(0.2),
            Flatten(), Linear(128 * 7 * 7, 1)));
        return device is null ? netD : netD.to(device);
    }

    /// <summary>
    /// The DCGAN initialisation (pytorch/examples dcgan <c>weights_init</c>): every convolution's weight ~ N(0, 0.02),
    /// every batch norm's weight ~ N(1, 0.02) and bias = 0. Draws from <paramref name="generator"/> (the global one if
    /// null; Tensor.normal_ rather than nn.init.normal_, which ignores its generator in TorchSharp 0.107); returns <paramref name="net"/>.
    /// </summary>
    public static Sequential WeightsInit(Sequential net, Generator? generator = null)
    {
        using var _ = no_grad();
        foreach (var m in net.modules())
        {
            switch (m)
            {
                case Conv2d conv: conv.weight!.normal_(0.0, 0.02, generator: generator); break;
                case ConvTranspose2d convT: convT.weight!.normal_(0.0, 0.02, generator: generator); break;
                case BatchNorm2d bn:
                    bn.weight!.normal_(1.0, 0.02, generator: generator);
                    bn.bias!.zero_();
                    break;
            }
        }
        return net;
    }

    // PyTorch's defaults then weights_init, all from Generator(seed) when seeded (the global stream left as it was).
    private static Sequential Seeded(long? seed, Func<Sequential> build)
    {
        if (seed is null) return WeightsInit(build());
        var generator = new Generator((ulong)seed.Value);
        var net = SeededInit.Preserving(true, build);
        SeededInit.ResetParameters(net, generator);
        return WeightsInit(net, generator);
    }
}
