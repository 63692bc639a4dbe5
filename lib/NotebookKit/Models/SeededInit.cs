using TorchSharp;

namespace NotebookKit.Models;

/// <summary>
/// Gives a model's constructor its own random stream: TorchSharp's layers draw their PyTorch default initialisation
/// from the global generator, so a seeded model seeds it, builds its layers, then puts the global state back — the
/// same seed gives the same weights and the caller's random stream is left as it was.
/// </summary>
internal sealed class SeededInit : IDisposable
{
    private readonly torch.Tensor? saved;

    private SeededInit(long? seed)
    {
        if (seed is null) return;
        saved = torch.random.get_rng_state();
        torch.random.manual_seed(seed.Value);
    }

    /// <summary>Seeds the global generator with <paramref name="seed"/> until disposed; does nothing for null.</summary>
    public static SeededInit Begin(long? seed) => new(seed);

    public void Dispose()
    {
        if (saved is null) return;
        torch.random.set_rng_state(saved);
        saved.Dispose();
    }
}
