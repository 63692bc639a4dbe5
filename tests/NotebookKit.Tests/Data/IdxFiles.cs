using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookKit.Tests.Data;

/// <summary>IDX bytes built by hand, so the reader is tested against the format, not against a writer of ours.</summary>
internal static class IdxFiles
{
    public static byte[] Idx(int magic, int[] dims, byte[] payload)
    {
        var b = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(b, magic);
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(b, 4 + 4 * dims.Length);
        return b;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(raw);
        return ms.ToArray();
    }

    public static string Write(string path, byte[] bytes, bool gzip = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    /// <summary>A split of <paramref name="n"/> 28×28 images (image i filled with i) and the given labels.</summary>
    public static void WriteSplit(string folder, string prefix, int n, byte[] labels, bool gzip = false)
    {
        var px = new byte[n * 784];
        for (int i = 0; i < n; i++) px.AsSpan(i * 784, 784).Fill((byte)i);
        var ext = gzip ? ".gz" : "";
        Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{ext}"), Idx(0x803, [n, 28, 28], px), gzip);
        Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{ext}"), Idx(0x801, [labels.Length], labels), gzip);
    }
}
