using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// Seeded initial weights for the course's models. TorchSharp's layers draw their default init from the global
/// generator, which other code (another thread, a test running in parallel) may draw from at the same moment, so a
/// seed alone does not fix the weights. Instead: the layers are built with the global state saved and restored (the
/// caller's random stream is left as it was), then every layer is re-drawn from its own <see cref="Generator"/> with
/// PyTorch's default distribution for Linear and Conv layers: weight and bias ~ U(−1/√fan_in, 1/√fan_in)
/// (kaiming_uniform with a = √5), fan_in = weight.size(1) · kernel size.
/// </summary>
internal sealed class SeededInit : IDisposable
{
    private readonly Tensor? saved;

    private SeededInit(long? seed)
    {
        if (seed is not null) saved = random.get_rng_state();
    }

    /// <summary>Saves the global generator's state until disposed (then restores it); does nothing for null.</summary>
    public static SeededInit Begin(long? seed) => new(seed);

    public void Dispose()
    {
        if (saved is null) return;
        random.set_rng_state(saved);
        saved.Dispose();
    }

    /// <summary>Re-draws every leaf module's weight and bias from a generator seeded with <paramref name="seed"/>,
    /// in registration order; does nothing for null.</summary>
    public static void Apply(Module model, long? seed)
    {
        if (seed is not long s) return;
        var generator = new Generator((ulong)s);
        using var _ = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            var parameters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
            if (!parameters.TryGetValue("weight", out var weight) || weight.dim() < 2) continue;
            long fanIn = weight.shape[1] * weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            double bound = 1 / Math.Sqrt(fanIn);
            foreach (var p in parameters.Values)
            {
                using var u = rand(p.shape, dtype: p.dtype, generator: generator);
                p.copy_(u * (2 * bound) - bound);
            }
        }
    }
}
