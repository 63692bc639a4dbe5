using TorchSharp;

namespace NotebookKit.Models;

/// <summary>
/// Builds modules from a fixed seed without disturbing the caller's random stream: TorchSharp's layers draw their
/// default initialisation from the global generator (as PyTorch's do), so a seeded factory saves the global state,
/// calls <c>torch.manual_seed(seed)</c>, builds, and restores the state. Without a seed nothing is touched.
/// </summary>
internal static class GanSeed
{
    /// <summary>Runs <paramref name="build"/> with the global generator seeded by <paramref name="seed"/> (if given).</summary>
    public static T Build<T>(long? seed, Func<T> build)
    {
        if (seed is null) return build();
        using var saved = torch.get_rng_state();
        torch.manual_seed(seed.Value);
        try { return build(); }
        finally { torch.set_rng_state(saved); }
    }
}
