using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// A conditional GAN (Mirza &amp; Osindero, 2014) built from the <see cref="MlpGan"/> nets: the class enters both
/// networks as a one-hot vector concatenated to their input, G(z ⊕ onehot(y)) and D(x ⊕ onehot(y)), so G learns
/// p(x | y) and D judges (image, class) pairs.
/// Shapes: z (N, latentDim), labels (N) int64 → images (N, imageDim) in [−1, 1]; D → (N, 1) logits.
/// <c>forward(z, labels)</c> is <see cref="Generate"/>.
/// </summary>
public sealed class ConditionalGan : Module<Tensor, Tensor, Tensor>
{
    /// <summary>G: (N, latentDim + numClasses) → (N, imageDim).</summary>
    public readonly Sequential netG;

    /// <summary>D: (N, imageDim + numClasses) → (N, 1) logits.</summary>
    public readonly Sequential netD;

    /// <summary>Size of z.</summary>
    public int LatentDim { get; }

    /// <summary>Number of classes (the one-hot width).</summary>
    public int NumClasses { get; }

    /// <summary>Pixels per image (784 for 28×28).</summary>
    public int ImageDim { get; }

    public ConditionalGan(int latentDim = 100, int numClasses = 10, int imageDim = 784, long? seed = null)
        : base(nameof(ConditionalGan))
    {
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), $"ConditionalGan: needs at least 2 classes, got {numClasses}.");
        (LatentDim, NumClasses, ImageDim) = (latentDim, numClasses, imageDim);
        (netG, netD) = SeededInit.Preserving(seed is not null, () =>
            (MlpGan.Generator(latentDim + numClasses, imageDim), MlpGan.Discriminator(imageDim + numClasses)));
        RegisterComponents();
        if (seed is not null) SeededInit.ResetParameters(this, new Generator((ulong)seed.Value));
    }

    /// <summary>Images of the requested classes: z (N, latentDim), labels (N) → (N, imageDim) in [−1, 1].</summary>
    public Tensor Generate(Tensor z, Tensor labels)
    {
        if (z.ndim != 2 || z.shape[1] != LatentDim)
            throw new ArgumentException($"ConditionalGan.Generate: z must be (N, {LatentDim}), got ({string.Join(", ", z.shape)}).", nameof(z));
        using var scope = NewDisposeScope();
        return netG.forward(cat([z, OneHot(labels, z)], 1)).MoveToOuterDisposeScope();
    }

    /// <summary>Logits that (x, label) is a real pair: x (N, imageDim) or (N, 1, 28, 28), labels (N) → (N, 1).</summary>
    public Tensor Discriminate(Tensor x, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var flat = x.ndim > 2 ? x.flatten(1) : x;
        if (flat.shape[1] != ImageDim)
            throw new ArgumentException($"ConditionalGan.Discriminate: x must hold {ImageDim} pixels per image, got ({string.Join(", ", x.shape)}).", nameof(x));
        return netD.forward(cat([flat, OneHot(labels, flat)], 1)).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor z, Tensor labels) => Generate(z, labels);

    // (N) int64 class indices → (N, NumClasses) float one-hot rows on the batch's device and dtype.
    private Tensor OneHot(Tensor labels, Tensor batch)
    {
        if (labels.ndim != 1 || labels.shape[0] != batch.shape[0])
            throw new ArgumentException($"ConditionalGan: labels must be (N) = ({batch.shape[0]}), got ({string.Join(", ", labels.shape)}).", nameof(labels));
        long lo = labels.min().item<long>(), hi = labels.max().item<long>();
        if (lo < 0 || hi >= NumClasses)
            throw new ArgumentOutOfRangeException(nameof(labels), $"ConditionalGan: labels must lie in [0, {NumClasses - 1}], got values from {lo} to {hi}.");
        return functional.one_hot(labels.to(int64), NumClasses).to(batch.dtype).to(batch.device);
    }
}
