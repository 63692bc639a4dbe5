using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// A small convolutional VAE for 28×28 images, the convolutional counterpart of <see cref="Vae"/> with the same loss
/// (<see cref="Vae.Loss"/>):
/// encoder x (N, 1, 28, 28) → Conv(1, 32, 4, 2, 1)-ReLU (N, 32, 14, 14) → Conv(32, 64, 4, 2, 1)-ReLU (N, 64, 7, 7)
/// → flatten (N, 3136) → μ = fc_mu h, log σ² = fc_logvar h, each (N, latentDim);
/// decoder z → Linear(latentDim, 3136)-ReLU → (N, 64, 7, 7) → ConvT(64, 32, 4, 2, 1)-ReLU (N, 32, 14, 14)
/// → ConvT(32, 1, 4, 2, 1) (N, 1, 28, 28) → flatten → logits (N, 784), as <see cref="IVariationalAutoencoder"/> asks.
/// </summary>
public sealed class ConvVae : Module<Tensor, Tensor>, IVariationalAutoencoder
{
    private const int Features = 64 * 7 * 7;
    private readonly Sequential encoder;
    private readonly Module<Tensor, Tensor> fc_mu, fc_logvar;
    private readonly Sequential decoder;

    public int LatentDim { get; }

    /// <summary>Source of ε in <see cref="reparameterize"/>; null uses the global generator.</summary>
    public Generator? Noise { get; set; }

    /// <param name="latentDim">Size of z.</param>
    /// <param name="seed">Seeds the initial weights (PyTorch's default init) and <see cref="Noise"/>.</param>
    public ConvVae(int latentDim = 16, long? seed = null) : base(nameof(ConvVae))
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), $"ConvVae: latentDim must be positive, got {latentDim}.");
        LatentDim = latentDim;
        using (SeededInit.Begin(seed))
        {
            encoder = Sequential(
                Conv2d(1, 32, 4, stride: 2, padding: 1), ReLU(),
                Conv2d(32, 64, 4, stride: 2, padding: 1), ReLU(), Flatten());
            fc_mu = Linear(Features, latentDim);
            fc_logvar = Linear(Features, latentDim);
            decoder = Sequential(
                Linear(latentDim, Features), ReLU(), Unflatten(1, [64, 7, 7]),
                ConvTranspose2d(64, 32, 4, stride: 2, padding: 1), ReLU(),
                ConvTranspose2d(32, 1, 4, stride: 2, padding: 1));
        }
        if (seed is long s) Noise = new Generator((ulong)s);
        RegisterComponents();
        SeededInit.Apply(this, seed);
    }

    /// <summary>q(z|x) = N(μ, diag σ²): (N, 1, 28, 28) or (N, 784) → (μ, log σ²), each (N, LatentDim).</summary>
    public (Tensor mu, Tensor logvar) encode(Tensor x)
    {
        var h = encoder.call(x.dim() == 2 ? x.reshape(-1, 1, 28, 28) : x);
        return (fc_mu.call(h), fc_logvar.call(h));
    }

    /// <summary>z = μ + σ·ε, σ = exp(½ log σ²), ε ~ N(0, I), as in <see cref="Vae.reparameterize"/>.</summary>
    public Tensor reparameterize(Tensor mu, Tensor logvar)
    {
        var std = exp(0.5 * logvar);
        var eps = randn(std.shape, dtype: std.dtype, device: std.device, generator: Noise);
        return mu + eps * std;
    }

    /// <summary>Logits of p(x|z): (N, LatentDim) → (N, 784).</summary>
    public Tensor decode(Tensor z) => decoder.call(z).flatten(1);

    /// <summary>One pass with a sampled z: logits (N, 784), μ and log σ² (N, LatentDim).</summary>
    public (Tensor logits, Tensor mu, Tensor logvar) ForwardAll(Tensor x)
    {
        var (mu, logvar) = encode(x);
        return (decode(reparameterize(mu, logvar)), mu, logvar);
    }

    /// <summary>Reconstruction logits (N, 784) with a sampled z.</summary>
    public override Tensor forward(Tensor x) => ForwardAll(x).logits;

    /// <summary>Samples from the model: sigmoid(decode(z)), z ~ N(0, I): (n, 784), no graph.</summary>
    public Tensor Sample(int n, Generator? generator = null)
    {
        using var _ = no_grad();
        var device = fc_mu.parameters().First().device;
        return functional.sigmoid(decode(randn([n, LatentDim], device: device, generator: generator ?? Noise)));
    }

    public override string ToString() => ModelSummary.Of(this).ToString();
}
