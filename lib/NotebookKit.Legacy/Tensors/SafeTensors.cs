using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NotebookKit.Tensors;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors), so weights move
/// between NotebookKit and PyTorch (<c>safetensors.torch.save_file</c> / <c>load_file</c>) without pickle.
/// </summary>
/// <remarks>
/// Layout: an 8-byte little-endian u64 N, then N bytes of UTF-8 JSON header
/// <c>{"__metadata__": {"k": "v"}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, ...}</c>
/// padded with spaces so the byte buffer starts at a multiple of 8, then the byte buffer. Offsets are
/// relative to the buffer start; the tensors cover the buffer exactly, without gaps or overlaps; values are
/// little-endian and row-major.
/// <para>Example: <c>SafeTensors.Save("ae.safetensors", new Dictionary&lt;string, Tensor&gt; { ["fc1.weight"] = w });
/// var loaded = SafeTensors.Load("ae.safetensors"); // loaded["fc1.weight"]</c></para>
/// </remarks>
public static partial class SafeTensors
{
    /// <summary>The largest header accepted, as in the reference implementation (it guards against
    /// allocating gigabytes for a corrupt length field).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>The header key reserved for string metadata; no tensor may carry this name.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>
    /// Writes <paramref name="tensors"/> as F32 with optional string <paramref name="metadata"/>.
    /// Tensors are laid out sorted by name (ordinal), which is the reference library's order for a
    /// single dtype (it sorts by dtype alignment, then name), so the same tensors always give the same bytes.
    /// The write is atomic: the bytes go to a temporary file in the same directory, are flushed to disk and
    /// then moved over <paramref name="path"/>, so a crash leaves either the old file or the new one.
    /// </summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        foreach (var name in names)
        {
            if (name.Length == 0 || name == MetadataKey)
                throw new ArgumentException($"SafeTensors.Save({path}): tensor name \"{name}\" is not allowed " +
                    $"(empty, or the reserved \"{MetadataKey}\"). Rename the tensor.", nameof(tensors));
            if (tensors[name] is null)
                throw new ArgumentNullException(nameof(tensors), $"SafeTensors.Save({path}): tensor \"{name}\" is null.");
        }
        byte[] header = BuildHeader(path, names, tensors, metadata);

        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> len = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
                fs.Write(len);
                fs.Write(header);
                foreach (var name in names) WriteFloats(fs, tensors[name].AsSpan());
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>The tensors of a safetensors file, in file order, converted to float32 (see <see cref="LoadWithMetadata"/>).</summary>
    public static OrderedDictionary<string, Tensor> Load(string path) => LoadWithMetadata(path).Tensors;

    // JSON header: metadata first (as the reference writer does), then entries with consecutive offsets,
    // then spaces up to a multiple of 8 so the byte buffer is 8-byte aligned.
    static byte[] BuildHeader(string path, string[] names, IReadOnlyDictionary<string, Tensor> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    w.WriteString(k, v ?? throw new ArgumentNullException(nameof(metadata),
                        $"SafeTensors.Save({path}): metadata \"{k}\" is null; safetensors metadata values are strings."));
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var name in names)
            {
                var t = tensors[name];
                long end = offset + 4L * t.Numel;
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                foreach (var s in t.shape) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(end);
                w.WriteEndArray();
                w.WriteEndObject();
                offset = end;
            }
            w.WriteEndObject();
        }
        int padded = (int)((ms.Length + 7) / 8 * 8);
        while (ms.Length < padded) ms.WriteByte((byte)' ');
        return ms.ToArray();
    }

    static void WriteFloats(Stream s, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian) { s.Write(MemoryMarshal.AsBytes(values)); return; }
        var buf = new byte[4 * Math.Min(values.Length, 1 << 14)];
        for (int i = 0; i < values.Length; i += buf.Length / 4)
        {
            int n = Math.Min(buf.Length / 4, values.Length - i);
            for (int j = 0; j < n; j++) BinaryPrimitives.WriteSingleLittleEndian(buf.AsSpan(4 * j), values[i + j]);
            s.Write(buf, 0, 4 * n);
        }
    }
}
