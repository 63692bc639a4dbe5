using NotebookKit.Tensors;

namespace NotebookKit.Models;

/// <summary>
/// Input corruptions for denoising autoencoders (Vincent et al., 2008): the network sees x̃ = corrupt(x) and is trained
/// to reconstruct the clean x. Both draw from a <see cref="Generator"/>, so a seed fixes the noise. No graph is recorded
/// (the noise is an input, not something to differentiate).
/// <example><code>var xTilde = Corruption.Gaussian(X, std: 0.3f, generator: g); var loss = bce(ae.DecodeLogits(ae.Encode(xTilde)), X);</code></example>
/// </summary>
public static class Corruption
{
    /// <summary>x̃ = x + σ·ε, ε ~ N(0, I), clamped to [0, 1] when <paramref name="clamp"/> (pixels stay valid BCE targets' inputs).</summary>
    public static Tensor Gaussian(Tensor x, float std, Generator? generator = null, bool clamp = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), $"Corruption.Gaussian: std must be non-negative, got {std}.");
        using var _ = Torch.NoGrad();
        var noisy = x + Torch.RandnLike(x, generator) * std;
        return clamp ? noisy.Clamp(0f, 1f) : noisy;
    }

    /// <summary>Masking noise: each element is set to 0 with probability <paramref name="p"/>, kept otherwise (no rescaling, unlike dropout).</summary>
    public static Tensor Masking(Tensor x, float p, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Corruption.Masking: p must be in [0, 1], got {p}.");
        var g = generator ?? Torch.DefaultGenerator;
        var mask = Tensor.NewDataUninitialized(x.Numel);
        for (int i = 0; i < mask.Length; i++) mask[i] = g.NextFloat() >= p ? 1f : 0f;
        using var _ = Torch.NoGrad();
        return x * Tensor.Owning(x.Shape, mask, "Corruption.Masking");
    }
}
