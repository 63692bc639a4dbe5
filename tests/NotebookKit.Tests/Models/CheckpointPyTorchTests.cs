using System.Diagnostics;
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

    private static void AssertSame(Vae vae, JsonElement state)
    {
        var ours = vae.state_dict();
        Assert.Equal(ours.Keys.Order(), state.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (key, tensor) in ours)
        {
            var entry = state.GetProperty(key);
            Assert.Equal(tensor.shape, entry.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray());
            Assert.Equal(tensor.data<float>().ToArray(), entry.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray());
        }
    }

    private static JsonElement RunPyTorch(string mode, string path)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "reference", "torch_checkpoint.py");
        var psi = new ProcessStartInfo(RequiresPyTorchFactAttribute.Python,
            [script, mode, path, $"{Input}", $"{Hidden}", $"{Latent}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"torch_checkpoint.py {mode} failed: {stderr.Result}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
