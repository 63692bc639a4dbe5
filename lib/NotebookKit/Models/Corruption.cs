using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Models;

/// <summary>
/// Input corruptions for denoising autoencoders (Vincent et al., 2008): the network sees x̃ = corrupt(x) and learns to
/// reconstruct the clean x. The noise comes from a <see cref="Generator"/> so a seed fixes it, and no graph is
/// recorded (the noise is an input, not something to differentiate).
/// <example><code>var g = new Generator(3); var xTilde = Corruption.Gaussian(X, std: 0.3, generator: g);</code></example>
/// </summary>
public static class Corruption
{
    /// <summary>x̃ = x + σ·ε, ε ~ N(0, I), clamped to [0, 1] when <paramref name="clamp"/> (so x̃ stays a valid image).
    /// Same shape as x.</summary>
    public static Tensor Gaussian(Tensor x, double std, Generator? generator = null, bool clamp = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), $"Corruption.Gaussian: std must be non-negative, got {std}.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var eps = randn(x.shape, dtype: x.dtype, device: x.device, generator: generator);
        var noisy = x + eps * std;
        return (clamp ? noisy.clamp(0, 1) : noisy).MoveToOuterDisposeScope();
    }

    /// <summary>Masking noise: each element becomes 0 with probability <paramref name="p"/> and is kept otherwise
    /// (no 1/(1−p) rescaling, unlike dropout). Same shape as x.</summary>
    public static Tensor Masking(Tensor x, double p, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"Corruption.Masking: p must be in [0, 1], got {p}.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var keep = rand(x.shape, dtype: x.dtype, device: x.device, generator: generator) >= p;
        return (x * keep).MoveToOuterDisposeScope();
    }
}
