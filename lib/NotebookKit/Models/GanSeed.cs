using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NotebookKit.Models;

/// <summary>
/// Seeded construction that does not depend on (or disturb) the global random stream. TorchSharp's layers draw their
/// default initialisation from the global generator, which other threads (parallel tests, a host) may draw from at
/// the same time; so a seeded build redraws every parameter from its own <c>torch.Generator(seed)</c> with PyTorch's
/// default distributions, and puts the global state back the way the caller left it.
/// </summary>
internal static class GanSeed
{
    /// <summary><paramref name="build"/>, then (if seeded) <see cref="ResetParameters"/> from <c>Generator(seed)</c>.</summary>
    public static T Build<T>(long? seed, Func<T> build) where T : nn.Module
    {
        var module = Preserving(seed is not null, build);
        if (seed is not null) ResetParameters(module, new Generator((ulong)seed.Value));
        return module;
    }

    /// <summary>Runs <paramref name="build"/>; when <paramref name="active"/>, restores the global generator's state afterwards.</summary>
    public static T Preserving<T>(bool active, Func<T> build)
    {
        if (!active) return build();
        using var saved = torch.get_rng_state();
        try { return build(); }
        finally { torch.set_rng_state(saved); }
    }

    /// <summary>
    /// PyTorch's default initialisation drawn from <paramref name="generator"/>, module by module in registration order:
    /// Linear and (transposed) convolutions get weight and bias ~ U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5),
    /// fan_in = weight.size(1) · kernel area; batch norms get weight 1, bias 0.
    /// </summary>
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
                case BatchNorm2d bn: bn.weight!.fill_(1); bn.bias!.zero_(); break;
                default:
                    if (m.named_parameters(recurse: false).Any())
                        throw new NotSupportedException($"GanSeed: cannot seed the parameters of a {m.GetType().Name}; add its default initialisation here.");
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
}
