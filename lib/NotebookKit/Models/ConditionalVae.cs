using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// A conditional VAE (Sohn et al., 2015) in <see cref="Vae"/>'s layout: the one-hot label y is concatenated to the
/// encoder's input and to z, so z only has to carry the style and the label chooses the class:
/// q(z|x, y): [x, onehot(y)] (N, 784 + C) → relu(fc1) (N, hidden) → μ, log σ² (N, latentDim);
/// p(x|z, y): [z, onehot(y)] (N, latentDim + C) → relu(fc3) → fc4 → logits (N, 784). Same loss, <see cref="Vae.Loss"/>.
/// <example><code>
/// var cvae = new ConditionalVae(latentDim: 8, seed: 0);
/// var (logits, mu, logvar) = cvae.ForwardAll(X, y);          // y: (N) int64 labels
/// var shoes = cvae.Sample(tensor(new long[] { 7, 7, 7 }));    // (3, 784) pixels of class 7
/// </code></example>
/// </summary>
public sealed class ConditionalVae : Module<Tensor, Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1, fc21, fc22, fc3, fc4;

    public int InputDim { get; }
    public int LatentDim { get; }
    public int NumClasses { get; }

    /// <summary>Source of ε in <see cref="reparameterize"/>; null uses the global generator.</summary>
    public Generator? Noise { get; set; }

    /// <param name="inputDim">Pixels per image (784 for 28×28).</param>
    /// <param name="hiddenDim">Width of the hidden layer on each side.</param>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="numClasses">Labels y are 0 … numClasses − 1; one-hot, concatenated to x and to z.</param>
    /// <param name="seed">Seeds the initial weights (PyTorch's default init) and <see cref="Noise"/>.</param>
    public ConditionalVae(int inputDim = 784, int hiddenDim = 400, int latentDim = 8, int numClasses = 10, long? seed = null)
        : base(nameof(ConditionalVae))
    {
        if (inputDim < 1 || hiddenDim < 1 || latentDim < 1 || numClasses < 1)
            throw new ArgumentOutOfRangeException(nameof(latentDim), $"ConditionalVae: sizes must be positive, got inputDim {inputDim}, hiddenDim {hiddenDim}, latentDim {latentDim}, numClasses {numClasses}.");
        InputDim = inputDim; LatentDim = latentDim; NumClasses = numClasses;
        using (SeededInit.Begin(seed))
        {
            fc1 = Linear(inputDim + numClasses, hiddenDim);
            fc21 = Linear(hiddenDim, latentDim);
            fc22 = Linear(hiddenDim, latentDim);
            fc3 = Linear(latentDim + numClasses, hiddenDim);
            fc4 = Linear(hiddenDim, inputDim);
        }
        if (seed is long s) Noise = new Generator((ulong)s);
        RegisterComponents();
        SeededInit.Apply(this, seed);
    }

    /// <summary>Labels (N) int64 → one-hot (N, NumClasses) float, with an error naming a label out of range.</summary>
    private Tensor OneHot(Tensor y, Tensor like)
    {
        if (y.dim() != 1) throw new ArgumentException($"ConditionalVae: labels y must be (N) int64 class indices, got shape {Vae.Shape(y)}.", nameof(y));
        long min = y.min().item<long>(), max = y.max().item<long>();
        if (min < 0 || max >= NumClasses)
            throw new ArgumentOutOfRangeException(nameof(y), $"ConditionalVae: labels must be in [0, {NumClasses}), got values in [{min}, {max}]; build the model with numClasses: {max + 1}.");
        return functional.one_hot(y.to(like.device), NumClasses).to(like.dtype);
    }

    /// <summary>q(z|x, y): x (N, 1, 28, 28) or (N, 784), y (N) → (μ, log σ²), each (N, LatentDim).</summary>
    public (Tensor mu, Tensor logvar) encode(Tensor x, Tensor y)
    {
        var flat = x.dim() > 2 ? x.flatten(1) : x;
        var h = functional.relu(fc1.call(cat([flat, OneHot(y, flat)], 1)));
        return (fc21.call(h), fc22.call(h));
    }

    /// <summary>z = μ + σ·ε, σ = exp(½ log σ²), ε ~ N(0, I), as in <see cref="Vae.reparameterize"/>.</summary>
    public Tensor reparameterize(Tensor mu, Tensor logvar)
    {
        var std = exp(0.5 * logvar);
        var eps = randn(std.shape, dtype: std.dtype, device: std.device, generator: Noise);
        return mu + eps * std;
    }

    /// <summary>Logits of p(x|z, y): z (N, LatentDim), y (N) → (N, 784).</summary>
    public Tensor decode(Tensor z, Tensor y) => fc4.call(functional.relu(fc3.call(cat([z, OneHot(y, z)], 1))));

    /// <summary>One pass with a sampled z: logits (N, 784), μ and log σ² (N, LatentDim).</summary>
    public (Tensor logits, Tensor mu, Tensor logvar) ForwardAll(Tensor x, Tensor y)
    {
        var (mu, logvar) = encode(x, y);
        return (decode(reparameterize(mu, logvar), y), mu, logvar);
    }

    /// <summary>Reconstruction logits (N, 784) of x given its labels y.</summary>
    public override Tensor forward(Tensor x, Tensor y) => ForwardAll(x, y).logits;

    /// <summary>Images of the requested classes: sigmoid(decode(z, y)), z ~ N(0, I): y (n) → (n, 784), no graph.</summary>
    public Tensor Sample(Tensor y, Generator? generator = null)
    {
        using var _ = no_grad();
        var device = fc1.parameters().First().device;
        return functional.sigmoid(decode(randn([y.shape[0], LatentDim], device: device, generator: generator ?? Noise), y));
    }

    public override string ToString() => ModelSummary.Of(this).ToString();
}
