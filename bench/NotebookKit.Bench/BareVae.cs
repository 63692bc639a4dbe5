using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Bench;

/// <summary>
/// The VAE of shared/anchors/torch_vae.py written out as TorchSharp's examples write a model, for the "bare" loop:
/// x (N, 784) → relu(fc1) (N, 400) → μ = fc21, log σ² = fc22 (N, 20) → z = μ + ε·exp(½ log σ²) → relu(fc3) (N, 400)
/// → fc4 → logits (N, 784).
/// </summary>
internal sealed class BareVae : Module<Tensor, (Tensor logits, Tensor mu, Tensor logvar)>
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(784, 400), fc21 = Linear(400, 20), fc22 = Linear(400, 20),
        fc3 = Linear(20, 400), fc4 = Linear(400, 784);

    public BareVae() : base(nameof(BareVae)) => RegisterComponents();

    public override (Tensor logits, Tensor mu, Tensor logvar) forward(Tensor x)
    {
        var h = functional.relu(fc1.call(x));
        var (mu, logvar) = (fc21.call(h), fc22.call(h));
        var z = mu + randn_like(mu) * exp(0.5 * logvar);
        return (fc4.call(functional.relu(fc3.call(z))), mu, logvar);
    }

    /// <summary>−ELBO summed over the batch: BCE(x̂, x) − ½ Σ (1 + log σ² − μ² − σ²). Fused: BCE from the logits in one
    /// op (what NotebookKit does); unfused: sigmoid then binary_cross_entropy, as the anchor.</summary>
    public static Tensor Loss(Tensor logits, Tensor x, Tensor mu, Tensor logvar, bool fused = true)
    {
        var bce = fused
            ? functional.binary_cross_entropy_with_logits(logits, x, reduction: Reduction.Sum)
            : functional.binary_cross_entropy(functional.sigmoid(logits), x, reduction: Reduction.Sum);
        return bce - 0.5 * sum(1 + logvar - mu.pow(2) - logvar.exp());
    }
}
