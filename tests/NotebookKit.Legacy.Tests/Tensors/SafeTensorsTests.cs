using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Tensors;

public sealed partial class SafeTensorsTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("safetensors-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string PathOf(string name) => Path.Combine(dir, name);

    static Dictionary<string, Tensor> Sample() => new()
    {
        // Bit-exactness: -0, NaN with a payload, ±∞, a subnormal and the extremes must survive.
        ["fc1.weight"] = Torch.FromArray([0f, -0f, float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234),
            float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue, float.MinValue, 1e-40f, 0.1f, -3.5f], 3, 4),
        ["fc1.bias"] = Torch.FromArray([1f, 2f, 3f], 3),
        ["a.scalar"] = Torch.Scalar(42.25f),                 // 0-d
        ["b.empty"] = Torch.Zeros(0, 3),                      // no bytes
        ["conv.weight"] = Torch.Randn(2, 1, 3, 3),
    };

    static void AssertSameBits(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.AsSpan();
        var a = actual.AsSpan();
        for (int i = 0; i < e.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(e[i]), BitConverter.SingleToInt32Bits(a[i]));
    }

    // ---- Round trip and layout ----

    [Fact]
    public void RoundTrip_KeepsShapesBitsAndMetadata()
    {
        var tensors = Sample();
        var meta = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ÄÖ \"quoted\" +1" };
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, tensors, meta);

        var file = SafeTensors.LoadWithMetadata(path);
        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), file.Tensors.Keys);
        foreach (var (name, t) in tensors) AssertSameBits(t, file.Tensors[name]);
        Assert.Equal(0, file.Tensors["a.scalar"].Dim);
        Assert.Equal(new[] { 0, 3 }, file.Tensors["b.empty"].Shape);
        Assert.Equal(meta, file.Metadata);
        Assert.Equal(tensors.Count, SafeTensors.Load(path).Count);
    }

    [Fact]
    public void Save_PadsHeaderTo8AndPacksTensorsByName()
    {
        var path = PathOf("m.safetensors");
        SafeTensors.Save(path, Sample(), new Dictionary<string, string> { ["k"] = "v" });
        var bytes = File.ReadAllBytes(path);
        long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);

        Assert.Equal(0, n % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, (int)n);
        Assert.StartsWith("{\"__metadata__\":{\"k\":\"v\"}", header);
        Assert.Matches(@"\} *$", header); // only spaces after the JSON
        using var doc = JsonDocument.Parse(header);
        long pos = 0;
        var names = new List<string>();
        foreach (var p in doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__"))
        {
            names.Add(p.Name);
            Assert.Equal("F32", p.Value.GetProperty("dtype").GetString());
            var off = p.Value.GetProperty("data_offsets");
            Assert.Equal(pos, off[0].GetInt64());
            pos = off[1].GetInt64();
        }
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(8 + n + pos, bytes.Length);
    }

    [Fact]
    public void Save_IsDeterministic_AndEmptyDictionaryRoundTrips()
    {
        var t = Sample();
        SafeTensors.Save(PathOf("a.safetensors"), t);
        SafeTensors.Save(PathOf("b.safetensors"), new Dictionary<string, Tensor>(t.Reverse()));
        Assert.Equal(File.ReadAllBytes(PathOf("a.safetensors")), File.ReadAllBytes(PathOf("b.safetensors")));

        SafeTensors.Save(PathOf("empty.safetensors"), new Dictionary<string, Tensor>());
        var file = SafeTensors.LoadWithMetadata(PathOf("empty.safetensors"));
        Assert.Empty(file.Tensors);
        Assert.Empty(file.Metadata);
        Assert.Equal(16, new FileInfo(PathOf("empty.safetensors")).Length); // 8 + "{}" padded to 8
    }

    [Fact]
    public void Save_ReplacesExistingFileWhole_AndLeavesNoTempFiles()
    {
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["big"] = Torch.Ones(1000, 10) });
        var small = new Dictionary<string, Tensor> { ["w"] = Torch.FromArray([1f, 2f], 2) };
        SafeTensors.Save(path, small);

        Assert.Equal(new[] { "model.safetensors" }, Directory.GetFiles(dir).Select(Path.GetFileName));
        var loaded = SafeTensors.Load(path);
        Assert.Equal(new[] { "w" }, loaded.Keys);
        Assert.Equal(new[] { 1f, 2f }, loaded["w"].ToArray());
    }

    [Fact]
    public void Save_WhenTheMoveFails_RemovesTheTempFile()
    {
        var target = PathOf("taken");
        Directory.CreateDirectory(target); // File.Move cannot replace a directory
        Assert.ThrowsAny<IOException>(() => SafeTensors.Save(target, Sample()));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Save_RejectsReservedName_WithoutTouchingTheOldFile()
    {
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, Sample());
        var before = File.ReadAllBytes(path);
        var ex = Assert.Throws<ArgumentException>(() =>
            SafeTensors.Save(path, new Dictionary<string, Tensor> { ["__metadata__"] = Torch.Ones(1) }));
        Assert.Contains("__metadata__", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    // ---- PyTorch interop ----

    [Fact]
    public void Load_PyTorchFixture_ConvertsF64F16Bf16()
    {
        var file = SafeTensors.LoadWithMetadata(TestPaths.Fixture("tiny.safetensors"));
        Assert.Equal("pt", file.Metadata["format"]);
        // File order: the reference layout sorts by dtype alignment (F64, F32, 16-bit), then name.
        Assert.Equal(new[] { "dec.weight64", "empty", "fc1.bias", "fc1.weight", "scale", "dec.bias16", "emb.bf16" }, file.Tensors.Keys);

        var t = file.Tensors;
        Assert.Equal(new[] { 3, 4 }, t["fc1.weight"].Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 0.25f - 1f), t["fc1.weight"].ToArray());
        Assert.Equal(new[] { -1.5f, -0.5f, 0.5f }, t["fc1.bias"].ToArray());
        Assert.Equal(0, t["scale"].Dim);
        Assert.Equal(7.5f, t["scale"].Item());
        Assert.Equal(new[] { 0, 3 }, t["empty"].Shape);
        Assert.Equal(new[] { 2, 3 }, t["dec.weight64"].Shape);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (float)(i / 4.0 - 0.5)), t["dec.weight64"].ToArray());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => i * 0.5f - 1f), t["dec.bias16"].ToArray());
        Assert.Equal(new[] { 2, 2 }, t["emb.bf16"].Shape);
        Assert.Equal(new[] { -2f, -0.5f, 1f, 2.5f }, t["emb.bf16"].ToArray());
    }

    [PythonFact]
    public void Save_IsReadablePythonSide()
    {
        var tensors = Sample();
        tensors.Remove("fc1.weight"); // NaN/∞ do not survive JSON; the bit-exact test covers them
        var path = PathOf("from_csharp.safetensors");
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["by"] = "NotebookKit" });

        var psi = new ProcessStartInfo(TestPaths.Python!)
        {
            ArgumentList = { Path.Combine(TestPaths.RepoRoot, "tests", "reference", "read_safetensors.py"), path },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"read_safetensors.py failed with exit code {p.ExitCode}:\n{stderr}");

        using var doc = JsonDocument.Parse(stdout.Result);
        var root = doc.RootElement;
        Assert.Equal("NotebookKit", root.GetProperty("__metadata__").GetProperty("by").GetString());
        foreach (var (name, t) in tensors)
        {
            var e = root.GetProperty(name);
            Assert.Equal(t.Shape, e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()));
            Assert.Equal(t.ToArray(), e.GetProperty("values").EnumerateArray().Select(x => (float)x.GetDouble()));
        }
    }
}
