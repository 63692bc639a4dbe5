using NotebookKit.NN;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Models;

/// <summary>
/// A conditional GAN (Mirza &amp; Osindero, 2014) with MLP nets: the class enters both networks as a one-hot
/// vector concatenated to their input, G(z ⊕ y) and D(x ⊕ y), so G learns p(x | y) and D judges (image, class)
/// pairs. Shapes: z (N, latentDim), labels int[N] → images (N, imageDim) in [−1, 1]; D → (N, 1) logits.
/// </summary>
public sealed class ConditionalGan : Module
{
    public int LatentDim { get; }
    public int NumClasses { get; }
    public Sequential NetG { get; }
    public Sequential NetD { get; }

    public ConditionalGan(int latentDim = 100, int numClasses = 10, int imageDim = 784, Generator? generator = null)
    {
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), $"ConditionalGan: needs at least 2 classes, got {numClasses}.");
        LatentDim = latentDim; NumClasses = numClasses;
        NetG = RegisterModule("netG", MlpGan.Generator(latentDim + numClasses, imageDim, generator));
        NetD = RegisterModule("netD", MlpGan.Discriminator(imageDim + numClasses, generator));
    }

    /// <summary>Images of the requested classes from noise z.</summary>
    public Tensor Generate(Tensor z, int[] labels) =>
        NetG.Forward(Torch.Cat([z, F.OneHot(labels, NumClasses)], 1));

    /// <summary>Logits that (x, label) is a real pair.</summary>
    public Tensor Discriminate(Tensor x, int[] labels) =>
        NetD.Forward(Torch.Cat([x.Dim > 2 ? x.Flatten(1) : x, F.OneHot(labels, NumClasses)], 1));

    protected override string ExtraRepr() => $"latent_dim={LatentDim}, num_classes={NumClasses}";
}
