using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// The variational autoencoder of Kingma &amp; Welling (2014) in the layout of PyTorch's examples (vae/main.py):
/// encoder x (N, 784) → h = relu(fc1 x) (N, 400) → μ = fc21 h, log σ² = fc22 h, each (N, 20);
/// decoder z (N, 20) → relu(fc3 z) (N, 400) → fc4 → logits (N, 784) of Bernoulli pixel probabilities.
/// Parameter names (fc1, fc21, fc22, fc3, fc4) match the PyTorch example, so state_dicts move either way
/// (<see cref="Checkpoint"/>).
/// <example><code>
/// var vae = new Vae(latentDim: 20, seed: 0);
/// var (logits, mu, logvar) = vae.ForwardAll(X);       // (N, 784), (N, 20), (N, 20)
/// var (loss, recon, kl) = Vae.Loss(logits, X, mu, logvar);
/// </code></example>
/// </summary>
public sealed class Vae : Module<Tensor, Tensor>, IVariationalAutoencoder
{
    private readonly Module<Tensor, Tensor> fc1, fc21, fc22, fc3, fc4;

    public int InputDim { get; }
    public int LatentDim { get; }

    /// <summary>Source of ε in <see cref="reparameterize"/>; null uses the global generator. Seeded from the
    /// constructor's seed, so a seeded model trains to the same numbers.</summary>
    public Generator? Noise { get; set; }

    /// <param name="inputDim">Pixels per image (784 for 28×28).</param>
    /// <param name="hiddenDim">Width of the one hidden layer on each side (400 in PyTorch's example).</param>
    /// <param name="latentDim">Size of z (20 in PyTorch's example).</param>
    /// <param name="seed">Seeds the initial weights (PyTorch's default init) and <see cref="Noise"/>; null draws from the global generator.</param>
    public Vae(int inputDim = 784, int hiddenDim = 400, int latentDim = 20, long? seed = null) : base(nameof(Vae))
    {
        if (inputDim < 1 || hiddenDim < 1 || latentDim < 1)
            throw new ArgumentOutOfRangeException(nameof(latentDim), $"Vae: sizes must be positive, got inputDim {inputDim}, hiddenDim {hiddenDim}, latentDim {latentDim}.");
        InputDim = inputDim; LatentDim = latentDim;
        using (SeededInit.Begin(seed))
        {
            fc1 = Linear(inputDim, hiddenDim);
            fc21 = Linear(hiddenDim, latentDim);
            fc22 = Linear(hiddenDim, latentDim);
            fc3 = Linear(latentDim, hiddenDim);
            fc4 = Linear(hiddenDim, inputDim);
        }
        if (seed is long s) Noise = new Generator((ulong)s);
        RegisterComponents();
        SeededInit.Apply(this, seed);
    }

    /// <summary>q(z|x) = N(μ, diag σ²): (N, 1, 28, 28) or (N, 784) → (μ, log σ²), each (N, LatentDim).</summary>
    public (Tensor mu, Tensor logvar) encode(Tensor x)
    {
        var h = functional.relu(fc1.call(x.dim() > 2 ? x.flatten(1) : x));
        return (fc21.call(h), fc22.call(h));
    }

    /// <summary>The reparameterization trick: z = μ + σ·ε, σ = exp(½ log σ²), ε ~ N(0, I). The noise is an input, so
    /// gradients reach μ and log σ². (N, LatentDim) → (N, LatentDim).</summary>
    public Tensor reparameterize(Tensor mu, Tensor logvar)
    {
        var std = exp(0.5 * logvar);
        var eps = randn(std.shape, dtype: std.dtype, device: std.device, generator: Noise);
        return mu + eps * std;
    }

    /// <summary>Logits of p(x|z): (N, LatentDim) → (N, 784); sigmoid gives pixel probabilities.</summary>
    public Tensor decode(Tensor z) => fc4.call(functional.relu(fc3.call(z)));

    /// <summary>One pass with a sampled z: what <see cref="Loss"/> needs. (N, 784) → logits (N, 784), μ and log σ² (N, LatentDim).</summary>
    public (Tensor logits, Tensor mu, Tensor logvar) ForwardAll(Tensor x)
    {
        var (mu, logvar) = encode(x);
        return (decode(reparameterize(mu, logvar)), mu, logvar);
    }

    /// <summary>Reconstruction logits (N, 784) with a sampled z; <see cref="ForwardAll"/> also returns μ and log σ².</summary>
    public override Tensor forward(Tensor x) => ForwardAll(x).logits;

    /// <summary>
    /// The negative ELBO summed over the batch, as PyTorch's example: BCE(x̂, x) + β·KL(q(z|x) ‖ N(0, I)) with
    /// BCE = −Σ [x log σ(ℓ) + (1 − x) log(1 − σ(ℓ))] from the logits ℓ (stable), and the closed-form
    /// KL = −½ Σ (1 + log σ² − μ² − exp(log σ²)). Inputs (N, 784) or (N, 1, 28, 28); returns the scalars
    /// (loss, recon, kl) so each term can be tracked.
    /// </summary>
    public static (Tensor loss, Tensor recon, Tensor kl) Loss(Tensor logits, Tensor x, Tensor mu, Tensor logvar, double beta = 1.0)
    {
        var target = x.dim() > 2 ? x.flatten(1) : x;
        var output = logits.dim() > 2 ? logits.flatten(1) : logits;
        if (!output.shape.SequenceEqual(target.shape))
            throw new ArgumentException($"Vae.Loss: logits {Shape(output)} and x {Shape(target)} must have the same shape after flattening; pass the decoder's logits for this batch.", nameof(logits));
        var recon = functional.binary_cross_entropy_with_logits(output, target, reduction: Reduction.Sum);
        var kl = -0.5 * sum(1 + logvar - mu.pow(2) - logvar.exp());
        return (beta == 1.0 ? recon + kl : recon + beta * kl, recon, kl);
    }

    /// <summary>Samples from the model: pixel probabilities sigmoid(decode(z)), z ~ N(0, I): (n, 784), no graph.</summary>
    public Tensor Sample(int n, Generator? generator = null)
    {
        using var _ = no_grad();
        var device = fc1.parameters().First().device;
        return functional.sigmoid(decode(randn([n, LatentDim], device: device, generator: generator ?? Noise)));
    }

    public override string ToString() => ModelSummary.Of(this).ToString();

    internal static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
