using NotebookKit.Models;
using NotebookKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public sealed class CheckpointTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("nk-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static Vae Small(long seed) => new(inputDim: 6, hiddenDim: 5, latentDim: 2, seed: seed);

    private static bool SameWeights(nn.Module a, nn.Module b) =>
        a.state_dict().All(kv => kv.Value.equal(b.state_dict()[kv.Key]).all().item<bool>());

    [Theory]
    [InlineData("vae.safetensors")]
    [InlineData("vae.pth")]
    public void Round_trip_restores_every_weight(string name)
    {
        var saved = Small(1);
        var loaded = Small(2);
        Assert.False(SameWeights(saved, loaded));
        var path = Checkpoint.Save(saved, Path.Combine(dir, "sub", name));
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));   // the temp file was moved into place
        Checkpoint.Load(loaded, path);
        Assert.True(SameWeights(saved, loaded));
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Small(1), Path.Combine(dir, "nope.safetensors")));
        Assert.Contains("nope.safetensors", e.Message);
        Assert.Contains("Checkpoint.Save", e.Message);
    }

    [Theory]
    [InlineData("wrong.safetensors")]
    [InlineData("wrong.pth")]
    public void Wrong_shapes_and_keys_are_named(string name)
    {
        var path = Checkpoint.Save(new Vae(inputDim: 6, hiddenDim: 5, latentDim: 3, seed: 1), Path.Combine(dir, name));
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Small(1), path));
        Assert.Contains(name, e.Message);
        Assert.Contains("key 'fc21.weight': file shape (3, 5), model shape (2, 5)", e.Message);
        var keys = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(new Autoencoder(6, [5], latentDim: 2), path));
        Assert.Contains("missing key 'encoder.0.weight'", keys.Message);
        Assert.Contains("unexpected key 'fc1.weight'", keys.Message);
    }

    [Fact]
    public void Garbage_and_unknown_extensions_are_reported()
    {
        var garbage = Path.Combine(dir, "garbage.safetensors");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5]);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Small(1), garbage));
        Assert.Contains("garbage.safetensors", e.Message);
        Assert.Contains("not a safetensors file", e.Message);
        var pth = Path.Combine(dir, "garbage.pth");
        File.WriteAllBytes(pth, [1, 2, 3, 4, 5]);
        Assert.Contains("torch.save", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Small(1), pth)).Message);
        Assert.Contains(".safetensors", Assert.Throws<ArgumentException>(() => Checkpoint.Save(Small(1), Path.Combine(dir, "x.bin"))).Message);
    }

    [Theory]
    [InlineData("vae.safetensors")]
    [InlineData("vae.pth")]
    public void Truncated_files_are_reported_not_loaded(string name)
    {
        var path = Checkpoint.Save(Small(1), Path.Combine(dir, name));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var target = Small(2);
        var before = target.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(target, path));
        Assert.Contains(name, e.Message);
        Assert.All(before, kv => Assert.True(kv.Value.equal(target.state_dict()[kv.Key]).all().item<bool>()));   // untouched
    }

    [Fact]
    public void Hostile_files_are_rejected_without_running_or_allocating_what_they_ask()
    {
        // A safetensors header that claims 2^62 bytes of JSON.
        var huge = Path.Combine(dir, "huge.safetensors");
        File.WriteAllBytes(huge, [.. BitConverter.GetBytes(1L << 62), .. "{}"u8.ToArray()]);
        Assert.Contains("huge.safetensors", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Small(1), huge)).Message);

        // A torch.save zip whose pickle calls os.system (protocol 2: GLOBAL os system, one-string tuple, REDUCE).
        var marker = Path.Combine(dir, "pwned");
        var pickle = new List<byte> { 0x80, 0x02 };
        pickle.AddRange("cos\nsystem\n"u8.ToArray());
        pickle.Add((byte)'X'); pickle.AddRange(BitConverter.GetBytes($"touch {marker}".Length)); pickle.AddRange(System.Text.Encoding.ASCII.GetBytes($"touch {marker}"));
        pickle.AddRange(new byte[] { 0x85, (byte)'R', (byte)'.' });
        var evil = Path.Combine(dir, "evil.pth");
        using (var zip = System.IO.Compression.ZipFile.Open(evil, System.IO.Compression.ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("archive/data.pkl").Open())
            entry.Write(pickle.ToArray());
        Assert.Contains("evil.pth", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Small(1), evil)).Message);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("vae.safetensors", "read_safetensors.py")]
    [InlineData("vae.pth", "read_pth_state_dict.py")]
    public void Python_reads_the_same_numbers(string name, string script)
    {
        var vae = Small(3);
        var path = Checkpoint.Save(vae, Path.Combine(dir, name));
        ReferencePython.AssertSameStateDict(vae, ReferencePython.RunJson(script, path), ["fc21.weight", "fc4.bias"]);
    }
}
