using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// What the VAE metrics (e.g. <see cref="Metrics.Iwae"/>) need from a VAE with a diagonal Gaussian encoder
/// q(z|x) = N(μ, diag σ²), a standard normal prior and a Bernoulli decoder given by logits:
/// implemented by <see cref="Vae"/> (MLP) and <see cref="ConvVae"/>.
/// </summary>
public interface IVariationalAutoencoder
{
    /// <summary>Size of z.</summary>
    int LatentDim { get; }

    /// <summary>(μ, log σ²), each (N, LatentDim), for inputs x (N, …).</summary>
    (Tensor Mu, Tensor LogVar) Encode(Tensor x);

    /// <summary>Logits of p(x|z), one per pixel: (N, LatentDim) → (N, …) (flattened by the callers).</summary>
    Tensor DecodeLogits(Tensor z);
}
