using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// An undercomplete MLP autoencoder: the encoder maps x through Linear-ReLU layers to a code z = Linear(h) with no
/// activation, the decoder mirrors the hidden sizes back and ends in a bare Linear whose outputs are logits (train
/// with BCE-with-logits, or take sigmoid for pixels). For 784-256-32: (N, 784) → (N, 32) → (N, 784).
/// With no hidden layer and MSE it learns the PCA subspace.
/// <example><code>
/// var ae = new Autoencoder(784, [256], latentDim: 32, seed: 0);
/// var z = ae.encode(X);          // (N, 1, 28, 28) → (N, 32)
/// var logits = ae.decode(z);     // (N, 32) → (N, 784)
/// </code></example>
/// </summary>
public sealed class Autoencoder : Module<Tensor, Tensor>
{
    private readonly Sequential encoder;
    private readonly Sequential decoder;

    public int InputDim { get; }
    public int LatentDim { get; }
    public IReadOnlyList<int> HiddenDims { get; }

    /// <param name="inputDim">Input size D (784 for 28×28 images).</param>
    /// <param name="hiddenDims">Encoder hidden sizes, outermost first (default [256]); the decoder mirrors them. Empty: a linear autoencoder.</param>
    /// <param name="latentDim">Code size, smaller than inputDim (undercomplete).</param>
    /// <param name="seed">Seeds the initial weights (PyTorch's default init); null draws from the global generator.</param>
    public Autoencoder(int inputDim = 784, int[]? hiddenDims = null, int latentDim = 32, long? seed = null)
        : base(nameof(Autoencoder))
    {
        hiddenDims ??= [256];
        if (inputDim < 1) throw new ArgumentOutOfRangeException(nameof(inputDim), $"Autoencoder: inputDim must be positive, got {inputDim}.");
        if (latentDim < 1 || latentDim >= inputDim)
            throw new ArgumentOutOfRangeException(nameof(latentDim), $"Autoencoder: latentDim must be in [1, inputDim = {inputDim}) for an undercomplete code, got {latentDim}.");
        if (hiddenDims.Any(h => h < 1))
            throw new ArgumentOutOfRangeException(nameof(hiddenDims), $"Autoencoder: hidden sizes must be positive, got [{string.Join(", ", hiddenDims)}].");
        InputDim = inputDim; LatentDim = latentDim; HiddenDims = hiddenDims.ToArray();
        int[] sizes = [inputDim, .. hiddenDims, latentDim];
        using (SeededInit.Begin(seed))
        {
            encoder = Mlp(sizes);
            decoder = Mlp(sizes.Reverse().ToArray());
        }
        RegisterComponents();
        SeededInit.Apply(this, seed);
    }

    // Linear-ReLU pairs, a bare Linear last.
    private static Sequential Mlp(int[] sizes)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            layers.Add(($"{2 * i}", Linear(sizes[i], sizes[i + 1])));
            if (i + 2 < sizes.Length) layers.Add(($"{2 * i + 1}", ReLU()));
        }
        return Sequential(layers);
    }

    /// <summary>The code: (N, 1, 28, 28) or (N, 784) → (N, LatentDim).</summary>
    public Tensor encode(Tensor x) => encoder.call(x.dim() > 2 ? x.flatten(1) : x);

    /// <summary>Logits of the reconstruction: (N, LatentDim) → (N, 784); sigmoid gives pixels in (0, 1).</summary>
    public Tensor decode(Tensor z) => decoder.call(z);

    /// <summary>Reconstruction logits: (N, 1, 28, 28) or (N, 784) → (N, 784).</summary>
    public override Tensor forward(Tensor x) => decode(encode(x));

    public override string ToString() => ModelSummary.Of(this).ToString();
}
