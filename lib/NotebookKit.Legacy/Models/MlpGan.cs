using NotebookKit.NN;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// The fully connected GAN (生成对抗网络) of shared/anchors/torch_gan.py, as builders returning
/// <see cref="Sequential"/> so parameter names match PyTorch's (<c>0.weight</c>, …).
/// Generator (生成器) z (N, 100) → 128 → 256 → 512 → 784, ReLU, tanh output in [−1, 1];
/// discriminator (判别器) x (N, 784) → 512 → 256 → 128 → 1 logit, LeakyReLU(0.2).
/// <example><code>var netG = MlpGan.Generator(); var netD = MlpGan.Discriminator();</code></example>
/// </summary>
public static class MlpGan
{
    /// <summary>G: (N, latentDim) → (N, outputDim) in [−1, 1].</summary>
    public static Sequential Generator(int latentDim = 100, int outputDim = 784, Generator? generator = null) => new(
        new Linear(latentDim, 128, generator: generator), new ReLU(),
        new Linear(128, 256, generator: generator), new ReLU(),
        new Linear(256, 512, generator: generator), new ReLU(),
        new Linear(512, outputDim, generator: generator), new Tanh());

    /// <summary>D: (N, inputDim) → (N, 1) logits of "real" (apply Sigmoid for D(x)).</summary>
    public static Sequential Discriminator(int inputDim = 784, Generator? generator = null) => new(
        new Linear(inputDim, 512, generator: generator), new LeakyReLU(0.2f),
        new Linear(512, 256, generator: generator), new LeakyReLU(0.2f),
        new Linear(256, 128, generator: generator), new LeakyReLU(0.2f),
        new Linear(128, 1, generator: generator));
}
