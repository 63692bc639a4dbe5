using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// Saves and loads a module's state_dict through TorchSharp.PyBridge, in the two formats PyTorch reads: safetensors
/// (<c>.safetensors</c>: a JSON header and raw tensors, no code runs on load) and torch.save's zip (<c>.pth</c> or
/// <c>.pt</c>: <c>model.load_state_dict(torch.load(path))</c> in Python). Writes go to a temp file in the same folder
/// and are moved into place, so a reader never sees half a checkpoint. Loading checks every key and shape first and
/// names the file, key and shapes when they do not match the model.
/// <example><code>Checkpoint.Save(vae, "vae.safetensors"); Checkpoint.Load(new Vae(), "vae.safetensors");</code></example>
/// </summary>
public static class Checkpoint
{
    /// <summary>Writes <paramref name="module"/>'s parameters and buffers to <paramref name="path"/>; the format
    /// follows the extension (.safetensors, .pth or .pt). Returns the full path written.</summary>
    public static string Save(Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        bool safetensors = IsSafetensors(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = File.Create(temp))
            {
                if (safetensors) WriteAlignedSafetensors(module, stream);
                else module.save_py(stream, leaveOpen: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return full;
    }

    // PyBridge writes the JSON header unpadded; the safetensors format pads it with spaces to a multiple of 8 bytes so
    // that the tensors that follow are aligned (readers that map the file need it), so the header is padded here.
    private static void WriteAlignedSafetensors(Module module, Stream output)
    {
        using var buffer = new MemoryStream();
        module.save_safetensors(buffer, leaveOpen: true);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        long headerLength = BitConverter.ToInt64(bytes[..8]);
        long padded = (headerLength + 7) / 8 * 8;
        output.Write(BitConverter.GetBytes(padded));
        output.Write(bytes.Slice(8, (int)headerLength));
        for (long i = headerLength; i < padded; i++) output.WriteByte((byte)' ');
        output.Write(bytes[(8 + (int)headerLength)..]);
    }

    /// <summary>Loads a state_dict saved by <see cref="Save"/> or by PyTorch (<c>torch.save(model.state_dict())</c>,
    /// <c>safetensors.torch.save_file</c>) into <paramref name="module"/>. Every key of the model must be in the file
    /// with the same shape, and the file may hold no other keys.</summary>
    public static TModule Load<TModule>(TModule module, string path) where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        bool safetensors = IsSafetensors(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"Checkpoint.Load: '{full}' does not exist. Save one first with Checkpoint.Save(model, \"{path}\"), or check the path.", full);
        var loaded = Read(full, safetensors);
        try
        {
            Check(module, loaded, full);
            using var _ = no_grad();
            module.load_state_dict(loaded, strict: true);
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
        return module;
    }

    private static bool IsSafetensors(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".safetensors") return true;
        if (ext is ".pth" or ".pt") return false;
        throw new ArgumentException($"Checkpoint: '{path}' has extension '{ext}'; use .safetensors (safetensors) or .pth / .pt (torch.save's format).", nameof(path));
    }

    private static Dictionary<string, Tensor> Read(string full, bool safetensors)
    {
        IDictionary raw;
        try
        {
            raw = safetensors ? Safetensors.LoadStateDict(full) : PyTorchUnpickler.UnpickleStateDict(full);
        }
        catch (Exception e)   // truncated, not a checkpoint, or a pickle that asks for more than tensors
        {
            var format = safetensors ? "a safetensors file" : "a torch.save zip file of a state_dict";
            throw new InvalidDataException($"Checkpoint.Load: '{full}' is not {format} ({e.GetType().Name}: {e.Message}). Re-save it with Checkpoint.Save or torch.save(model.state_dict(), path).", e);
        }
        var dict = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry e in raw)
            dict[(string)e.Key] = e.Value as Tensor
                ?? throw new InvalidDataException($"Checkpoint.Load: '{full}': key '{e.Key}' holds a {e.Value?.GetType().Name ?? "null"}, not a tensor; save model.state_dict(), not the whole model.");
        return dict;
    }

    // Every key of the model present with the same shape, and nothing else: the errors name the file, key and shapes.
    private static void Check(Module module, Dictionary<string, Tensor> loaded, string full)
    {
        var expected = module.state_dict();
        var problems = new List<string>();
        foreach (var (key, t) in expected)
        {
            if (!loaded.TryGetValue(key, out var got)) problems.Add($"missing key '{key}' (model shape {Shape(t)})");
            else if (!got.shape.SequenceEqual(t.shape)) problems.Add($"key '{key}': file shape {Shape(got)}, model shape {Shape(t)}");
        }
        foreach (var key in loaded.Keys.Where(k => !expected.ContainsKey(k)))
            problems.Add($"unexpected key '{key}' (file shape {Shape(loaded[key])})");
        if (problems.Count > 0)
            throw new InvalidDataException($"Checkpoint.Load: '{full}' does not fit {module.GetType().Name}: {string.Join("; ", problems)}. " +
                "Build the model with the sizes it was saved with, or save this model again.");
    }

    private static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
