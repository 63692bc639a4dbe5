using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace NotebookKit.Tensors;

// Reading: everything in the header is checked (types, shapes, sizes, a gap-free cover of the byte buffer)
// before any tensor storage is allocated, so a corrupt or hostile file fails fast with a precise message
// instead of an OutOfMemoryException or silently wrong weights.
public static partial class SafeTensors
{
    const string NotSafeTensors = "The file may be truncated or not a safetensors file.";

    sealed record Entry(string Name, string Dtype, int ElementSize, int[] Shape, long Begin, long End);

    /// <summary>
    /// Reads a safetensors file: its tensors in the order their bytes appear (ties between empty tensors
    /// by name) and its <c>__metadata__</c>. F32 is read as is; F16, BF16 and F64 (common in PyTorch
    /// checkpoints) are converted to float32 (F64 rounds to nearest; values beyond float range become ±∞).
    /// Throws <see cref="SafeTensorsFormatException"/> naming the file and the tensor or field at fault.
    /// </summary>
    public static SafeTensorsFile LoadWithMetadata(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long fileLength = fs.Length;
        if (fileLength < 8)
            throw Fail(path, null, $"the file is {fileLength} bytes long, too short for the 8-byte header length. {NotSafeTensors}");
        Span<byte> lenBytes = stackalloc byte[8];
        fs.ReadExactly(lenBytes);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(lenBytes);
        if (n > (ulong)(fileLength - 8))
            throw Fail(path, null, $"the header length field says {n} bytes but only {fileLength - 8} bytes follow it. {NotSafeTensors}");
        if (n > MaxHeaderBytes)
            throw Fail(path, null, $"the header is {n} bytes, more than the {MaxHeaderBytes}-byte limit safetensors allows. {NotSafeTensors}");

        var header = new byte[n];
        fs.ReadExactly(header);
        var (entries, metadata) = ParseHeader(path, header);
        long bufferStart = 8 + (long)n;
        CheckLayout(path, entries, fileLength - bufferStart);

        var tensors = new OrderedDictionary<string, Tensor>(entries.Count, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            fs.Position = bufferStart + e.Begin;
            tensors.Add(e.Name, new Tensor(e.Shape, ReadValues(fs, e, ShapeUtil.Numel(e.Shape))));
        }
        return new SafeTensorsFile(tensors, metadata);
    }

    static (List<Entry> Entries, Dictionary<string, string> Metadata) ParseHeader(string path, byte[] header)
    {
        // JsonDocument decodes names lazily, so invalid UTF-8 would surface later as InvalidOperationException.
        if (!System.Text.Unicode.Utf8.IsValid(header))
            throw Fail(path, null, $"the {header.Length}-byte header is not valid JSON (it is not valid UTF-8). {NotSafeTensors}");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 8 }); }
        catch (JsonException ex)
        {
            throw Fail(path, null, $"the {header.Length}-byte header is not valid JSON ({ex.Message}). {NotSafeTensors}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw Fail(path, null, $"the header is a JSON {Kind(doc.RootElement)}, expected an object mapping tensor names to entries. {NotSafeTensors}");
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(prop.Name))
                    throw Fail(path, prop.Name, $"the header names \"{prop.Name}\" twice. Each tensor name must be unique; re-save the file.");
                if (prop.Name == MetadataKey) ReadMetadata(path, prop.Value, metadata);
                else entries.Add(ParseEntry(path, prop.Name, prop.Value));
            }
            return (entries, metadata);
        }
    }

    static void ReadMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Fail(path, null, $"\"{MetadataKey}\" is a JSON {Kind(value)}, expected an object of string values.");
        foreach (var kv in value.EnumerateObject())
        {
            if (kv.Value.ValueKind != JsonValueKind.String)
                throw Fail(path, null, $"\"{MetadataKey}\" key \"{kv.Name}\" is a JSON {Kind(kv.Value)}; safetensors metadata values must be strings.");
            if (!metadata.TryAdd(kv.Name, kv.Value.GetString()!))
                throw Fail(path, null, $"\"{MetadataKey}\" names key \"{kv.Name}\" twice.");
        }
    }

    static Entry ParseEntry(string path, string name, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Fail(path, name, $"tensor \"{name}\": the entry is a JSON {Kind(e)}, expected an object with \"dtype\", \"shape\" and \"data_offsets\". {NotSafeTensors}");
        JsonElement Field(string field) => e.TryGetProperty(field, out var v) ? v
            : throw Fail(path, name, $"tensor \"{name}\": the entry has no \"{field}\" field; every tensor needs \"dtype\", \"shape\" and \"data_offsets\". {NotSafeTensors}");

        var dtypeElement = Field("dtype");
        var shapeElement = Field("shape");
        var offsetsElement = Field("data_offsets");
        if (dtypeElement.ValueKind != JsonValueKind.String)
            throw Fail(path, name, $"tensor \"{name}\": \"dtype\" is a JSON {Kind(dtypeElement)}, expected a string such as \"F32\".");
        string dtype = dtypeElement.GetString()!;
        int size = dtype switch { "F32" => 4, "F16" => 2, "BF16" => 2, "F64" => 8, _ => 0 };
        if (size == 0)
            throw Fail(path, name, $"tensor \"{name}\": dtype {dtype} is not supported; NotebookKit reads F32, F16, BF16 and F64. " +
                "Convert it in PyTorch before saving, e.g. tensor.float().");

        if (shapeElement.ValueKind != JsonValueKind.Array)
            throw Fail(path, name, $"tensor \"{name}\": \"shape\" is a JSON {Kind(shapeElement)}, expected an array of non-negative integers.");
        var shape = new int[shapeElement.GetArrayLength()];
        long numel = 1;
        int i = 0;
        foreach (var d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out long s) || s < 0)
                throw Fail(path, name, $"tensor \"{name}\": \"shape\" entry {i} is {d.GetRawText()}, expected a non-negative integer.");
            numel *= Math.Min(s, (long)int.MaxValue + 1); // both factors ≤ 2^31: no long overflow
            if (s > int.MaxValue || numel > Array.MaxLength)
                throw Fail(path, name, $"tensor \"{name}\": shape {shapeElement.GetRawText()} is too large for a NotebookKit tensor (at most {Array.MaxLength} elements, each dimension below 2^31).");
            shape[i++] = (int)s;
        }

        if (offsetsElement.ValueKind != JsonValueKind.Array || offsetsElement.GetArrayLength() != 2
            || !TryOffset(offsetsElement[0], out long begin) || !TryOffset(offsetsElement[1], out long end))
            throw Fail(path, name, $"tensor \"{name}\": \"data_offsets\" is {offsetsElement.GetRawText()}, expected [begin, end] with two non-negative integers. {NotSafeTensors}");
        return new Entry(name, dtype, size, shape, begin, end);
    }

    static bool TryOffset(JsonElement v, out long value)
    {
        value = 0;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value) && value >= 0;
    }

    // Per entry: offsets inside the buffer and exactly numel·size bytes. Then, sorted by offset, the
    // entries must tile the buffer from 0 to its end: the spec forbids holes and overlaps.
    static void CheckLayout(string path, List<Entry> entries, long bufferLength)
    {
        foreach (var e in entries)
        {
            string offsets = $"data_offsets [{e.Begin}, {e.End}]";
            if (e.End < e.Begin)
                throw Fail(path, e.Name, $"tensor \"{e.Name}\": {offsets} end before they begin. {NotSafeTensors}");
            if (e.End > bufferLength)
                throw Fail(path, e.Name, $"tensor \"{e.Name}\": {offsets} reach past the end of the {bufferLength}-byte data buffer. {NotSafeTensors}");
            long needed = (long)ShapeUtil.Numel(e.Shape) * e.ElementSize;
            if (e.End - e.Begin != needed)
                throw Fail(path, e.Name, $"tensor \"{e.Name}\": {offsets} hold {e.End - e.Begin} bytes but shape " +
                    $"{ShapeUtil.Format(e.Shape)} of {e.Dtype} needs {needed}. {NotSafeTensors}");
        }
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin)
            : a.End != b.End ? a.End.CompareTo(b.End) : string.CompareOrdinal(a.Name, b.Name));
        long pos = 0;
        Entry? previous = null;
        foreach (var e in entries)
        {
            string after = previous is null ? "the start of the data buffer (byte 0)" : $"tensor \"{previous.Name}\" ends at byte {pos}";
            if (e.Begin > pos)
                throw Fail(path, e.Name, $"tensor \"{e.Name}\": data_offsets [{e.Begin}, {e.End}] leave a gap: {after}. " +
                    $"safetensors requires tensors packed without gaps. {NotSafeTensors}");
            if (e.Begin < pos)
                throw Fail(path, e.Name, $"tensor \"{e.Name}\": data_offsets [{e.Begin}, {e.End}] overlap the previous tensor: {after}. " +
                    $"safetensors requires non-overlapping tensors. {NotSafeTensors}");
            pos = e.End;
            previous = e;
        }
        if (pos != bufferLength)
            throw Fail(path, previous?.Name, $"the tensors cover {pos} bytes of the {bufferLength}-byte data buffer; " +
                $"the last {bufferLength - pos} bytes belong to no tensor. {NotSafeTensors}");
    }

    static float[] ReadValues(Stream s, Entry e, int numel)
    {
        var values = new float[numel];
        if (e.Dtype == "F32" && BitConverter.IsLittleEndian) { s.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan())); return values; }
        int chunk = Math.Max(1, Math.Min(numel, 1 << 14));
        byte[] buf = ArrayPool<byte>.Shared.Rent(chunk * e.ElementSize);
        try
        {
            for (int i = 0; i < numel; i += chunk)
            {
                int n = Math.Min(chunk, numel - i);
                var b = buf.AsSpan(0, n * e.ElementSize);
                s.ReadExactly(b);
                for (int j = 0; j < n; j++) values[i + j] = e.Dtype switch
                {
                    "F32" => BinaryPrimitives.ReadSingleLittleEndian(b[(4 * j)..]),
                    "F64" => (float)BinaryPrimitives.ReadDoubleLittleEndian(b[(8 * j)..]),
                    "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(b[(2 * j)..]),
                    _ /* BF16: the top half of a float32 */ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b[(2 * j)..]) << 16),
                };
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buf); }
        return values;
    }

    static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    static SafeTensorsFormatException Fail(string path, string? tensor, string problem) => new(path, tensor, $"{path}: {problem}");
}
