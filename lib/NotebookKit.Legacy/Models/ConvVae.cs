using NotebookKit.NN;
using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// A small convolutional VAE for 28×28 images, the convolutional counterpart of <see cref="Vae"/> (same loss,
/// <see cref="Vae.NegativeElbo"/>, which flattens both sides):
/// encoder x (N, 1, 28, 28) → Conv(1, 32, 4, 2, 1)-ReLU → (N, 32, 14, 14) → Conv(32, 64, 4, 2, 1)-ReLU → (N, 64, 7, 7)
/// → Flatten → (μ, log σ²) = (fcMu h, fcLogVar h), each (N, latentDim);
/// decoder z → Linear(latentDim, 64·7·7)-ReLU → (N, 64, 7, 7) → ConvT(64, 32, 4, 2, 1)-ReLU → (N, 32, 14, 14)
/// → ConvT(32, 1, 4, 2, 1) → logits (N, 1, 28, 28).
/// <example><code>var vae = new ConvVae(latentDim: 16, generator: new Generator(0)); var (logits, mu, logVar) = vae.Forward3(X);</code></example>
/// </summary>
public sealed class ConvVae : Module, IVariationalAutoencoder
{
    public Sequential Encoder { get; }
    public Linear FcMu { get; }
    public Linear FcLogVar { get; }
    public Sequential Decoder { get; }
    public int LatentDim { get; }

    /// <summary>The noise source for the reparameterization; the default generator unless given.</summary>
    public Generator? Generator { get; set; }

    public ConvVae(int latentDim = 16, Generator? generator = null)
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), $"ConvVae: latentDim must be positive, got {latentDim}.");
        LatentDim = latentDim; Generator = generator;
        Encoder = RegisterModule("encoder", new Sequential(
            new Conv2d(1, 32, 4, 2, 1, generator: generator), new ReLU(),
            new Conv2d(32, 64, 4, 2, 1, generator: generator), new ReLU(), new Flatten()));
        FcMu = RegisterModule("fc_mu", new Linear(64 * 7 * 7, latentDim, generator: generator));
        FcLogVar = RegisterModule("fc_logvar", new Linear(64 * 7 * 7, latentDim, generator: generator));
        Decoder = RegisterModule("decoder", new Sequential(
            new Linear(latentDim, 64 * 7 * 7, generator: generator), new ReLU(), new Unflatten(1, 64, 7, 7),
            new ConvTranspose2d(64, 32, 4, 2, 1, generator: generator), new ReLU(),
            new ConvTranspose2d(32, 1, 4, 2, 1, generator: generator)));
    }

    /// <summary>q(z|x) = N(μ, diag σ²) for images (N, 1, 28, 28) or (N, 784): returns (μ, log σ²).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h = Encoder.Forward(x.Dim == 2 ? x.Reshape(-1, 1, 28, 28) : x);
        return (FcMu.Forward(h), FcLogVar.Forward(h));
    }

    /// <summary>z = μ + σ ⊙ ε in training mode (or when <paramref name="sample"/> is true), μ otherwise.</summary>
    public Tensor Reparameterize(Tensor mu, Tensor logVar, bool? sample = null) =>
        sample ?? Training ? mu + Torch.RandnLike(mu, Generator) * (logVar * 0.5f).Exp() : mu;

    /// <summary>Logits of p(x|z): (N, latentDim) → (N, 1, 28, 28).</summary>
    public Tensor DecodeLogits(Tensor z) => Decoder.Forward(z);

    /// <summary>Pixel probabilities (N, 1, 28, 28).</summary>
    public Tensor Decode(Tensor z) => DecodeLogits(z).Sigmoid();

    /// <summary>One pass: (logits (N, 1, 28, 28), μ, log σ²).</summary>
    public (Tensor Logits, Tensor Mu, Tensor LogVar) Forward3(Tensor x, bool? sample = null)
    {
        var (mu, logVar) = Encode(x);
        return (DecodeLogits(Reparameterize(mu, logVar, sample)), mu, logVar);
    }

    public override Tensor Forward(Tensor input) => Forward3(input).Logits.Sigmoid();

    /// <summary>Samples from the model: decode z ~ N(0, I). Shape: (n, 1, 28, 28).</summary>
    public Tensor Sample(int n, Generator? generator = null)
    {
        using var _ = Torch.NoGrad();
        return Decode(Torch.Randn([n, LatentDim], generator ?? Generator));
    }

    protected override string ExtraRepr() => $"latent_dim={LatentDim}";
}
