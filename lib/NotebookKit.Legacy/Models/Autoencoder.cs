using NotebookKit.NN;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// An undercomplete MLP autoencoder: encoder x → Linear-ReLU … → code c = Linear(h) (no activation), decoder
/// c → Linear-ReLU … → Linear → logits of the reconstruction, with the hidden sizes mirrored, e.g. 784-256-32-256-784.
/// Train it with BCE on the logits (pixels in [0, 1]) or MSE on <see cref="Decode"/>; see <see cref="AutoencoderTraining"/>.
/// With one linear layer each way and MSE it learns the PCA subspace (<see cref="Metrics.Pca"/>).
/// Shapes: x (N, inputDim) or (N, 1, 28, 28) → code (N, codeDim) → reconstruction (N, inputDim).
/// <example><code>
/// var ae = new Autoencoder(784, [256], codeDim: 32, generator: new Generator(0));
/// var code = ae.Encode(X);            // (N, 1, 28, 28) → (N, 32)
/// var xHat = ae.Decode(code);         // (N, 32) → (N, 784) in (0, 1)
/// </code></example>
/// </summary>
public sealed class Autoencoder : Module
{
    public Sequential Encoder { get; }
    public Sequential Decoder { get; }
    public int InputDim { get; }
    public int CodeDim { get; }
    public IReadOnlyList<int> HiddenDims { get; }

    /// <param name="inputDim">Input size D (784 for 28×28 images).</param>
    /// <param name="hiddenDims">Encoder hidden sizes, outermost first (default [256]); the decoder mirrors them. Empty: linear autoencoder.</param>
    /// <param name="codeDim">Bottleneck size (default 32); smaller than inputDim (undercomplete).</param>
    /// <param name="generator">Source of the initial weights.</param>
    public Autoencoder(int inputDim = 784, int[]? hiddenDims = null, int codeDim = 32, Generator? generator = null)
    {
        hiddenDims ??= [256];
        if (inputDim < 1) throw new ArgumentOutOfRangeException(nameof(inputDim), $"Autoencoder: inputDim must be positive, got {inputDim}.");
        if (codeDim < 1 || codeDim >= inputDim)
            throw new ArgumentOutOfRangeException(nameof(codeDim), $"Autoencoder: codeDim must be in [1, inputDim = {inputDim}) for an undercomplete code, got {codeDim}.");
        if (hiddenDims.Any(h => h < 1))
            throw new ArgumentOutOfRangeException(nameof(hiddenDims), $"Autoencoder: hidden sizes must be positive, got [{string.Join(", ", hiddenDims)}].");
        InputDim = inputDim; CodeDim = codeDim; HiddenDims = hiddenDims.ToArray();
        var sizes = new[] { inputDim }.Concat(hiddenDims).Append(codeDim).ToArray();
        Encoder = RegisterModule("encoder", Mlp(sizes, generator));
        Decoder = RegisterModule("decoder", Mlp(sizes.Reverse().ToArray(), generator));
    }

    // Linear-ReLU pairs, with a bare Linear last.
    private static Sequential Mlp(int[] sizes, Generator? generator)
    {
        var net = new Sequential();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            net.Append(new Linear(sizes[i], sizes[i + 1], generator: generator));
            if (i + 2 < sizes.Length) net.Append(new ReLU());
        }
        return net;
    }

    /// <summary>The code (N, codeDim) of inputs (N, inputDim) or (N, 1, H, W).</summary>
    public Tensor Encode(Tensor x) => Encoder.Forward(x.Dim > 2 ? x.Flatten(1) : x);

    /// <summary>Logits of the reconstruction (N, inputDim); use with BinaryCrossEntropyWithLogits.</summary>
    public Tensor DecodeLogits(Tensor code) => Decoder.Forward(code);

    /// <summary>The reconstruction in (0, 1): sigmoid of <see cref="DecodeLogits"/>.</summary>
    public Tensor Decode(Tensor code) => DecodeLogits(code).Sigmoid();

    /// <summary>Reconstruction probabilities (N, inputDim) of x.</summary>
    public override Tensor Forward(Tensor input) => Decode(Encode(input));

    protected override string ExtraRepr() => $"input_dim={InputDim}, hidden_dims=[{string.Join(", ", HiddenDims)}], code_dim={CodeDim}";
}
