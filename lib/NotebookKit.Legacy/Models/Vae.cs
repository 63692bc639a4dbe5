using NotebookKit.NN;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Models;

/// <summary>
/// A multilayer-perceptron variational autoencoder (变分自编码器), the model of Kingma &amp; Welling (2014) as in
/// PyTorch's examples and <c>shared/anchors/torch_vae.py</c>: encoder x → h = relu(fc1 x) → (μ, log σ²) = (fc21 h, fc22 h);
/// decoder z → relu(fc3 z) → fc4 → logits of Bernoulli pixel probabilities.
/// Shapes: x (N, inputDim) → μ, log σ² (N, latentDim); z (N, latentDim) → logits (N, inputDim).
/// Parameter names match the PyTorch reference (fc1, fc21, fc22, fc3, fc4), so its weights load either way.
/// <example><code>var vae = new Vae(784, 400, 20); var (logits, mu, logVar) = vae.Forward3(x);</code></example>
/// </summary>
public sealed class Vae : Module, IVariationalAutoencoder
{
    public Linear Fc1 { get; }
    public Linear Fc21 { get; }
    public Linear Fc22 { get; }
    public Linear Fc3 { get; }
    public Linear Fc4 { get; }
    public int InputDim { get; }
    public int LatentDim { get; }

    /// <summary>The noise source for the reparameterization; the default generator unless given.</summary>
    public Generator? Generator { get; set; }

    public Vae(int inputDim = 784, int hiddenDim = 400, int latentDim = 20, Generator? generator = null)
    {
        InputDim = inputDim; LatentDim = latentDim; Generator = generator;
        Fc1 = RegisterModule("fc1", new Linear(inputDim, hiddenDim, generator: generator));
        Fc21 = RegisterModule("fc21", new Linear(hiddenDim, latentDim, generator: generator));
        Fc22 = RegisterModule("fc22", new Linear(hiddenDim, latentDim, generator: generator));
        Fc3 = RegisterModule("fc3", new Linear(latentDim, hiddenDim, generator: generator));
        Fc4 = RegisterModule("fc4", new Linear(hiddenDim, inputDim, generator: generator));
    }

    /// <summary>q(z|x) = N(μ, diag σ²): returns (μ, log σ²).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h = Fc1.Forward(x.Dim > 2 ? x.Flatten(1) : x).Relu();
        return (Fc21.Forward(h), Fc22.Forward(h));
    }

    /// <summary>The reparameterization trick (重参数化技巧): z = μ + σ ⊙ ε with ε ~ N(0, I), σ = exp(½ log σ²),
    /// so z is a differentiable function of (μ, log σ²) and the noise is an input.
    /// <paramref name="sample"/> defaults to the training mode: in eval mode z = μ.</summary>
    public Tensor Reparameterize(Tensor mu, Tensor logVar, bool? sample = null)
    {
        if (!(sample ?? Training)) return mu;
        var eps = Torch.RandnLike(mu, Generator);
        return mu + eps * (logVar * 0.5f).Exp();
    }

    /// <summary>Logits of p(x|z); apply Sigmoid for pixel probabilities.</summary>
    public Tensor DecodeLogits(Tensor z) => Fc4.Forward(Fc3.Forward(z).Relu());

    /// <summary>Pixel probabilities of p(x|z), in (0, 1).</summary>
    public Tensor Decode(Tensor z) => DecodeLogits(z).Sigmoid();

    /// <summary>One pass: (logits of the reconstruction, μ, log σ²); see <see cref="Reparameterize"/> for <paramref name="sample"/>.</summary>
    public (Tensor Logits, Tensor Mu, Tensor LogVar) Forward3(Tensor x, bool? sample = null)
    {
        var (mu, logVar) = Encode(x);
        return (DecodeLogits(Reparameterize(mu, logVar, sample)), mu, logVar);
    }

    /// <summary>The reconstruction's pixel probabilities (the usual single-output view).</summary>
    public override Tensor Forward(Tensor input) => Forward3(input).Logits.Sigmoid();

    /// <summary>
    /// The negative ELBO (证据下界), summed over the batch as in the PyTorch reference:
    /// −ELBO = BCE(x̂, x) + KL(q(z|x) ‖ N(0, I)), with BCE computed from logits (same value, stable).
    /// <paramref name="beta"/> weights the KL term (β-VAE). Returns (total, reconstruction, KL).
    /// </summary>
    public static (Tensor Loss, Tensor Reconstruction, Tensor Kl) NegativeElbo(
        Tensor logits, Tensor x, Tensor mu, Tensor logVar, float beta = 1f)
    {
        var rec = F.BinaryCrossEntropyWithLogits(logits.Dim > 2 ? logits.Flatten(1) : logits, x.Dim > 2 ? x.Flatten(1) : x, Reduction.Sum);
        var kl = F.GaussianKl(mu, logVar, Reduction.Sum);
        return (beta == 1f ? rec + kl : rec + kl * beta, rec, kl);
    }

    /// <summary>Samples from the model: decode z ~ N(0, I). Shape: (n, inputDim).</summary>
    public Tensor Sample(int n, Generator? generator = null)
    {
        using var _ = Torch.NoGrad();
        return Decode(Torch.Randn([n, LatentDim], generator ?? Generator));
    }

    protected override string ExtraRepr() => $"input_dim={InputDim}, latent_dim={LatentDim}";
}
