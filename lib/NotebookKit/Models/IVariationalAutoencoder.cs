using static TorchSharp.torch;

namespace NotebookKit.Models;

/// <summary>
/// What the VAE metrics (<c>Metrics.Iwae</c>, the latent plots) need from a VAE with a diagonal Gaussian encoder
/// q(z|x) = N(μ, diag σ²), a standard normal prior p(z) = N(0, I) and a Bernoulli decoder given by logits.
/// Implemented by the course's MLP and convolutional VAEs.
/// </summary>
public interface IVariationalAutoencoder
{
    /// <summary>Size of z.</summary>
    int LatentDim { get; }

    /// <summary>(μ, log σ²), each (N, LatentDim), for inputs x (N, 1, 28, 28) or (N, 784).</summary>
    (Tensor mu, Tensor logvar) encode(Tensor x);

    /// <summary>Logits of p(x|z), one per pixel: (N, LatentDim) → (N, 784).</summary>
    Tensor decode(Tensor z);
}
