using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// The fully connected GAN of shared/anchors/torch_gan.py, as <c>nn.Sequential</c>s so the state-dict keys are
/// PyTorch's (<c>0.weight</c>, <c>0.bias</c>, <c>2.weight</c>, …) and PyTorch's default initialisation applies.
/// G: z (N, 100) → 128 → 256 → 512 → 784, ReLU, tanh: images in [−1, 1] (load data with PixelScale.MinusOneToOne).
/// D: x (N, 784) → 512 → 256 → 128 → 1 logit, LeakyReLU(0.2); apply a sigmoid for the probability D(x).
/// <example><code>var netG = MlpGan.Generator(seed: 0); var netD = MlpGan.Discriminator(seed: 1);</code></example>
/// </summary>
public static class MlpGan
{
    /// <summary>G: (N, latentDim) → (N, outputDim) in [−1, 1]. 100·128+128 + 128·256+256 + 256·512+512 + 512·784+784
    /// = 579,728 parameters at the defaults. A <paramref name="seed"/> fixes the initial weights.</summary>
    public static Sequential Generator(int latentDim = 100, int outputDim = 784, long? seed = null, Device? device = null)
    {
        Check(latentDim, nameof(latentDim)); Check(outputDim, nameof(outputDim));
        var netG = SeededInit.Build(seed, () => Sequential(
            Linear(latentDim, 128), ReLU(),
            Linear(128, 256), ReLU(),
            Linear(256, 512), ReLU(),
            Linear(512, outputDim), Tanh()));
        return device is null ? netG : netG.to(device);
    }

    /// <summary>D: (N, inputDim) → (N, 1) logits of "real". 784·512+512 + 512·256+256 + 256·128+128 + 128+1
    /// = 566,273 parameters at the defaults. A <paramref name="seed"/> fixes the initial weights.</summary>
    public static Sequential Discriminator(int inputDim = 784, long? seed = null, Device? device = null)
    {
        Check(inputDim, nameof(inputDim));
        var netD = SeededInit.Build(seed, () => Sequential(
            Linear(inputDim, 512), LeakyReLU(0.2),
            Linear(512, 256), LeakyReLU(0.2),
            Linear(256, 128), LeakyReLU(0.2),
            Linear(128, 1)));
        return device is null ? netD : netD.to(device);
    }

    private static void Check(int size, string name)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(name, $"MlpGan: {name} must be at least 1, got {size}.");
    }
}
