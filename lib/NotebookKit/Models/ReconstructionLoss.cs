namespace NotebookKit.Models;

/// <summary>The reconstruction loss an <see cref="Autoencoder"/> is trained with, summed over pixels.</summary>
public enum ReconstructionLoss
{
    /// <summary>Binary cross-entropy of the decoder's logits against pixels in [0, 1]: the Bernoulli negative
    /// log-likelihood, as in the VAE.</summary>
    Bce,

    /// <summary>Squared error of sigmoid(logits) against the pixels: a Gaussian log-likelihood up to constants.</summary>
    Mse,
}
