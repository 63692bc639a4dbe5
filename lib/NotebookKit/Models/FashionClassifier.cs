using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// A compact Fashion-MNIST classifier (the first-round engine's layout) whose 128-d penultimate activations give the Fréchet distance of
/// generated images (the role Inception-v3 plays in FID) and which judges whether conditional samples show the
/// requested class. Strided convolutions stand in for pooling:
/// x (N, 1, 28, 28) → Conv(1→32, 4, 2, 1)-BN-ReLU (N, 32, 14, 14) → Conv(32→64, 4, 2, 1)-BN-ReLU (N, 64, 7, 7)
/// → Flatten → Linear(3136 → 128)-ReLU = <see cref="features"/> (N, 128) → Linear(128 → 10) = logits (N, 10).
/// PyTorch's default initialisation; a seed fixes it. Inputs are images in [0, 1].
/// <example><code>
/// var clf = FashionClassifier.LoadOrTrain();        // trains once, then loads data/models/fashion-classifier-torch-seed0.safetensors
/// var feats = clf.FeaturesOf(X);                    // (N, 1, 28, 28) → (N, 128)
/// </code></example>
/// </summary>
public sealed partial class FashionClassifier : Module<Tensor, Tensor>
{
    /// <summary>Size of <see cref="features"/>.</summary>
    public const int FeatureDim = 128;

    /// <summary>Convolutions, flatten and the hidden layer: images → features (N, 128).</summary>
    public readonly Sequential body;

    /// <summary>The last layer: features (N, 128) → logits (N, 10).</summary>
    public readonly Linear head;

    /// <summary>Test accuracy measured when the weights were trained (from the cache's .json); null if unknown.</summary>
    public double? TestAccuracy { get; private set; }

    public FashionClassifier(long? seed = null) : base(nameof(FashionClassifier))
    {
        (body, head) = SeededInit.Preserving(seed is not null, () => (
            Sequential(
                Conv2d(1, 32, 4, stride: 2, padding: 1), BatchNorm2d(32), ReLU(),
                Conv2d(32, 64, 4, stride: 2, padding: 1), BatchNorm2d(64), ReLU(),
                Flatten(), Linear(64 * 7 * 7, FeatureDim), ReLU()),
            Linear(FeatureDim, 10)));
        RegisterComponents();
        if (seed is not null) SeededInit.ResetParameters(this, new Generator((ulong)seed.Value));
    }

    /// <summary>Penultimate activations: images (N, 1, 28, 28) or (N, 784) → (N, 128). Call <c>eval()</c> first (or use
    /// <see cref="FeaturesOf"/>) for features that do not depend on the batch (batch norm's running statistics).</summary>
    public Tensor features(Tensor x) => body.forward(AsImages(x));

    /// <summary>Class logits: (N, 1, 28, 28) or (N, 784) → (N, 10).</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return head.forward(features(x)).MoveToOuterDisposeScope();
    }

    /// <summary>Features of many images in eval mode, batched, without a graph, on the model's device: (N, …) → (N, 128).
    /// The previous training/eval mode is restored.</summary>
    public Tensor FeaturesOf(Tensor images, int batchSize = 1000)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"FashionClassifier.FeaturesOf: batchSize must be at least 1, got {batchSize}.");
        bool wasTraining = training;
        eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var device = head.weight!.device;
            long n = images.shape[0];
            var parts = new List<Tensor>();
            for (long i = 0; i < n; i += batchSize)
                parts.Add(features(images.narrow(0, i, Math.Min(batchSize, n - i)).to(device)));
            return cat(parts, 0).MoveToOuterDisposeScope();
        }
        finally { train(wasTraining); }
    }

    private static Tensor AsImages(Tensor x) => x.ndim switch
    {
        4 when x.shape[1] == 1 && x.shape[2] == 28 && x.shape[3] == 28 => x,
        2 when x.shape[1] == 784 => x.reshape(-1, 1, 28, 28),
        _ => throw new ArgumentException(
            $"FashionClassifier: expects images (N, 1, 28, 28) or (N, 784), got ({string.Join(", ", x.shape)}).", nameof(x)),
    };
}
