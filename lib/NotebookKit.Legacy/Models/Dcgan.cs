using NotebookKit.NN;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// The small DCGAN for 28×28 images of shared/anchors/torch_dcgan.py (Radford et al., 2016, scaled down):
/// G: z (N, 100) → Linear → (N, 128, 7, 7) → BN → ReLU → ConvT(64, 4, 2, 1) 14×14 → BN → ReLU → ConvT(1, 4, 2, 1) 28×28 → tanh;
/// D: (N, 1, 28, 28) → Conv(64, 4, 2, 1) → LReLU → Conv(128, 4, 2, 1) → BN → LReLU → Flatten → Linear → 1 logit.
/// </summary>
public static class Dcgan
{
    /// <summary>G: (N, latentDim) → (N, 1, 28, 28) in [−1, 1].</summary>
    public static Sequential Generator(int latentDim = 100, Generator? generator = null) => new(
        new Linear(latentDim, 128 * 7 * 7, generator: generator), new Unflatten(1, 128, 7, 7),
        new BatchNorm2d(128), new ReLU(),
        new ConvTranspose2d(128, 64, 4, 2, 1, generator: generator), new BatchNorm2d(64), new ReLU(),
        new ConvTranspose2d(64, 1, 4, 2, 1, generator: generator), new Tanh());

    /// <summary>D: (N, 1, 28, 28) → (N, 1) logits.</summary>
    public static Sequential Discriminator(Generator? generator = null) => new(
        new Conv2d(1, 64, 4, 2, 1, generator: generator), new LeakyReLU(0.2f),
        new Conv2d(64, 128, 4, 2, 1, generator: generator), new BatchNorm2d(128), new LeakyReLU(0.2f),
        new Flatten(), new Linear(128 * 7 * 7, 1, generator: generator));
}
