using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NotebookKit.Models;

/// <summary>
/// Seeded initial weights for the course's models. TorchSharp's layers draw their default init from the global
/// generator, which other code (another thread, a test running in parallel) may draw from at the same moment, so a
/// seed alone does not fix the weights. Instead the layers are built with the global state saved and restored (the
/// caller's random stream is left as it was), then every parameter is redrawn from its own <c>torch.Generator(seed)</c>
/// with PyTorch's defaults: Linear/Conv/ConvTranspose weight and bias ~ U(−1/√fan_in, 1/√fan_in), BatchNorm γ = 1, β = 0,
/// Embedding ~ N(0, 1).
/// </summary>
internal static class SeededInit
{
    /// <summary>Builds with the global generator's state saved and put back (when seeded), then redraws from the seed.</summary>
    public static T Build<T>(long? seed, Func<T> build) where T : nn.Module
    {
        var module = Preserving(seed is not null, build);
        Apply(module, seed);
        return module;
    }

    /// <summary>Runs <paramref name="build"/>; when <paramref name="active"/>, the global random state is restored after it.</summary>
    public static T Preserving<T>(bool active, Func<T> build)
    {
        if (!active) return build();
        using var saved = torch.get_rng_state();
        try { return build(); }
        finally { torch.set_rng_state(saved); }
    }

    /// <summary>The same as <see cref="Preserving{T}"/> for constructors that assign fields: dispose to restore.</summary>
    public static IDisposable Begin(long? seed) => new RestoreOnDispose(seed is not null ? torch.get_rng_state() : null);

    /// <summary>Redraws every parameter of <paramref name="model"/> from <c>Generator(seed)</c>; nothing when unseeded.</summary>
    public static void Apply(nn.Module model, long? seed)
    {
        if (seed is long s) ResetParameters(model, new Generator((ulong)s));
    }

    public static void ResetParameters(nn.Module module, Generator generator)
    {
        using var _ = no_grad();
        foreach (var m in module.modules().Prepend(module).Distinct())
        {
            switch (m)
            {
                case Linear l: Uniform(l.weight!, l.bias, generator); break;
                case Conv2d c: Uniform(c.weight!, c.bias, generator); break;
                case ConvTranspose2d t: Uniform(t.weight!, t.bias, generator); break;
                case BatchNorm1d bn: bn.weight!.fill_(1); bn.bias!.zero_(); break;
                case BatchNorm2d bn: bn.weight!.fill_(1); bn.bias!.zero_(); break;
                case Embedding e: e.weight!.normal_(0.0, 1.0, generator: generator); break;
                default:
                    if (m != module && m.named_parameters(recurse: false).Any())
                        throw new NotSupportedException($"SeededInit: cannot seed the parameters of a {m.GetType().Name}; add its default initialisation here.");
                    break;
            }
        }
    }

    private static void Uniform(Tensor weight, Tensor? bias, Generator generator)
    {
        long fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        double bound = 1.0 / Math.Sqrt(fanIn);
        weight.uniform_(-bound, bound, generator: generator);   // not nn.init.uniform_: TorchSharp 0.107 ignores its generator
        bias?.uniform_(-bound, bound, generator: generator);
    }

    private sealed class RestoreOnDispose(Tensor? saved) : IDisposable
    {
        public void Dispose()
        {
            if (saved is null) return;
            torch.set_rng_state(saved);
            saved.Dispose();
        }
    }
}
