using System.Buffers.Binary;
using System.Text;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Tensors;

// Malformed files, built byte by byte: each must fail with a SafeTensorsFormatException whose message
// starts with the file and names the tensor or field at fault.
public sealed partial class SafeTensorsTests
{
    const string Truncated = "The file may be truncated or not a safetensors file.";

    static string Entry(string dtype, string shape, string offsets) =>
        $"{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":{offsets}}}";

    /// <summary>u64 header length, the header padded with spaces to a multiple of 8, then a zeroed buffer.</summary>
    static byte[] Build(string header, int bufferBytes = 0)
    {
        var h = Encoding.UTF8.GetBytes(header + new string(' ', -Encoding.UTF8.GetByteCount(header) & 7));
        var bytes = new byte[8 + h.Length + bufferBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        return bytes;
    }

    SafeTensorsFormatException AssertBad(byte[] bytes, string? tensor, params string[] fragments)
    {
        var path = PathOf("bad.safetensors");
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Load(path));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Equal(path, ex.FilePath);
        Assert.Equal(tensor, ex.TensorName);
        foreach (var f in fragments) Assert.Contains(f, ex.Message);
        return ex;
    }

    [Fact]
    public void Load_FileShorterThan8Bytes() => AssertBad([1, 2, 3], null, "3 bytes long", "too short");

    [Fact]
    public void Load_HeaderLengthBeyondTheFile()
    {
        var bytes = new byte[18];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);
        AssertBad(bytes, null, "says 1000 bytes but only 10 bytes follow", Truncated);
    }

    [Fact]
    public void Load_HeaderOver100MB_FailsBeforeAllocating()
    {
        var path = PathOf("huge.safetensors");
        using (var fs = File.Create(path))
        {
            var len = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, 100_000_008);
            fs.Write(len);
            fs.SetLength(100_000_100); // sparse: costs no disk
        }
        var ex = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Load(path));
        Assert.StartsWith(path + ": the header is 100000008 bytes, more than the 100000000-byte limit", ex.Message);
    }

    [Fact]
    public void Load_HeaderNotJson() => AssertBad(Build("{\"a\": "), null, "not valid JSON", Truncated);

    [Fact]
    public void Load_HeaderNotUtf8OrTooDeep()
    {
        var bytes = Build("{\"ab\": {}}");
        bytes[10] = 0xFF; // inside the name: invalid UTF-8
        AssertBad(bytes, null, "not valid JSON");
        AssertBad(Build("{\"a\":" + new string('[', 20) + new string(']', 20) + "}"), null, "not valid JSON");
    }

    [Fact]
    public void Load_HeaderNotAnObject() => AssertBad(Build("[1, 2]"), null, "header is a JSON array", "expected an object");

    [Fact]
    public void Load_EntryNotAnObject() => AssertBad(Build("{\"w\": 3}"), "w", "tensor \"w\": the entry is a JSON number");

    [Theory]
    [InlineData("dtype", "{\"shape\":[1],\"data_offsets\":[0,4]}")]
    [InlineData("shape", "{\"dtype\":\"F32\",\"data_offsets\":[0,4]}")]
    [InlineData("data_offsets", "{\"dtype\":\"F32\",\"shape\":[1]}")]
    public void Load_EntryMissingField(string field, string entry) =>
        AssertBad(Build($"{{\"fc1.weight\":{entry}}}", 4), "fc1.weight", $"tensor \"fc1.weight\": the entry has no \"{field}\" field");

    [Theory]
    [InlineData("[2, -1]", "entry 1 is -1")]
    [InlineData("[1.5]", "entry 0 is 1.5")]
    [InlineData("[\"2\"]", "entry 0 is \"2\"")]
    [InlineData("[4294967296, 0]", "too large")]
    [InlineData("3", "\"shape\" is a JSON number")]
    public void Load_BadShape(string shape, string fragment) =>
        AssertBad(Build($"{{\"w\":{Entry("F32", shape, "[0,0]")}}}"), "w", "tensor \"w\"", fragment);

    [Fact]
    public void Load_UnsupportedDtype_NamesTensorAndDtype() =>
        AssertBad(Build($"{{\"step\":{Entry("I64", "[1]", "[0,8]")}}}", 8), "step",
            "tensor \"step\": dtype I64 is not supported", "F32, F16, BF16 and F64", "tensor.float()");

    [Theory]
    [InlineData("[0]")]
    [InlineData("[0, 4, 8]")]
    [InlineData("[-4, 0]")]
    [InlineData("[0, \"4\"]")]
    public void Load_MalformedOffsets(string offsets) =>
        AssertBad(Build($"{{\"w\":{Entry("F32", "[1]", offsets)}}}", 4), "w", $"\"data_offsets\" is {offsets}", "[begin, end]");

    [Fact]
    public void Load_OffsetsPastTheBuffer() =>
        AssertBad(Build($"{{\"w\":{Entry("F32", "[4]", "[0,16]")}}}", 8), "w",
            "tensor \"w\": data_offsets [0, 16] reach past the end of the 8-byte data buffer", Truncated);

    [Fact]
    public void Load_OffsetsEndBeforeBegin() =>
        AssertBad(Build($"{{\"w\":{Entry("F32", "[1]", "[8,4]")}}}", 8), "w", "data_offsets [8, 4] end before they begin");

    [Fact]
    public void Load_ByteCountDisagreesWithShape_ExactMessage()
    {
        var ex = AssertBad(Build($"{{\"fc1.weight\":{Entry("F32", "[400, 784]", "[0,100]")}}}", 100), "fc1.weight");
        Assert.Equal($"{PathOf("bad.safetensors")}: tensor \"fc1.weight\": data_offsets [0, 100] hold 100 bytes but shape " +
            $"(400, 784) of F32 needs 1254400. {Truncated}", ex.Message);
    }

    [Fact]
    public void Load_OverlappingTensors() =>
        AssertBad(Build($"{{\"a\":{Entry("F32", "[2]", "[0,8]")},\"b\":{Entry("F32", "[2]", "[4,12]")}}}", 12), "b",
            "tensor \"b\": data_offsets [4, 12] overlap", "tensor \"a\" ends at byte 8");

    [Fact]
    public void Load_GapBetweenTensors() =>
        AssertBad(Build($"{{\"a\":{Entry("F32", "[2]", "[0,8]")},\"b\":{Entry("F32", "[2]", "[12,20]")}}}", 20), "b",
            "tensor \"b\": data_offsets [12, 20] leave a gap", "tensor \"a\" ends at byte 8");

    [Fact]
    public void Load_FirstTensorNotAtStart() =>
        AssertBad(Build($"{{\"a\":{Entry("F32", "[2]", "[4,12]")}}}", 12), "a", "leave a gap", "start of the data buffer");

    [Fact]
    public void Load_TrailingBytesBelongToNoTensor() =>
        AssertBad(Build($"{{\"a\":{Entry("F32", "[2]", "[0,8]")}}}", 12), "a", "cover 8 bytes of the 12-byte data buffer", "last 4 bytes");

    [Fact]
    public void Load_DuplicateNames() =>
        AssertBad(Build($"{{\"a\":{Entry("F32", "[1]", "[0,4]")},\"a\":{Entry("F32", "[1]", "[4,8]")}}}", 8), "a",
            "names \"a\" twice");

    [Fact]
    public void Load_MetadataValueNotString() =>
        AssertBad(Build("{\"__metadata__\":{\"epoch\":3}}"), null, "\"__metadata__\" key \"epoch\" is a JSON number", "must be strings");

    [Fact]
    public void Load_F16AndBf16SpecialValues()
    {
        var halves = new[] { Half.PositiveInfinity, Half.NegativeInfinity, Half.MaxValue, Half.Epsilon, (Half)(-0.0f) };
        ushort[] bf16 = [0x3F80, 0xC000, 0x7F80, 0x8000]; // 1, -2, +∞, -0
        string header = $"{{\"h\":{Entry("F16", "[5]", "[0,10]")},\"b\":{Entry("BF16", "[4]", "[10,18]")}}}";
        var bytes = Build(header, 18);
        int start = bytes.Length - 18;
        for (int i = 0; i < 5; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(start + 2 * i), halves[i]);
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(start + 10 + 2 * i), bf16[i]);
        var path = PathOf("half.safetensors");
        File.WriteAllBytes(path, bytes);

        var t = SafeTensors.Load(path);
        Assert.Equal(halves.Select(h => (float)h), t["h"].ToArray());
        Assert.True(float.IsNegative(t["h"].ToArray()[4]));
        Assert.Equal(new[] { 1f, -2f, float.PositiveInfinity, -0f }, t["b"].ToArray());
        Assert.True(float.IsNegative(t["b"].ToArray()[3]));
    }
}
