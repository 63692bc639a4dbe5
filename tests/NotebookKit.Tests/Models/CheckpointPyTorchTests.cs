using System.Text.Json;
using NotebookKit.Models;
using NotebookKit.Tests.TestSupport;
using TorchSharp;

namespace NotebookKit.Tests.Models;

/// <summary>
/// Checkpoints cross the language boundary both ways with real PyTorch (Debian's python3-torch 1.13): a .pth written
/// by <see cref="Checkpoint.Save"/> loads with <c>model.load_state_dict(torch.load(path))</c> (strict) into PyTorch's
/// own VAE, and a <c>torch.save(model.state_dict())</c> file loads here — the same float32 values, bit for bit.
/// </summary>
public sealed class CheckpointPyTorchTests : IDisposable
{
    private const int Input = 6, Hidden = 5, Latent = 2;
    private readonly string dir = Directory.CreateTempSubdirectory("nk-checkpoint-torch-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [RequiresPyTorchFact]
    public void Saved_here_loads_in_PyTorch()
    {
        var vae = new Vae(Input, Hidden, Latent, seed: 3);
        var path = Checkpoint.Save(vae, Path.Combine(dir, "vae.pth"));
        var fromPyTorch = RunPyTorch("read", path);
        AssertSame(vae, fromPyTorch);
    }

    [RequiresPyTorchFact]
    public void Saved_by_PyTorch_loads_here()
    {
        var path = Path.Combine(dir, "torch-vae.pth");
        var written = RunPyTorch("write", path);
        var vae = Checkpoint.Load(new Vae(Input, Hidden, Latent, seed: 9), path);
        AssertSame(vae, written);
    }

    private static void AssertSame(Vae vae, JsonElement state) => ReferencePython.AssertSameStateDict(vae, state);

    private static JsonElement RunPyTorch(string mode, string path) =>
        ReferencePython.RunJson("torch_checkpoint.py", mode, path, $"{Input}", $"{Hidden}", $"{Latent}");
}
