using System.Buffers.Binary;
using System.IO.Compression;

using NotebookKit.Data;

namespace NotebookKit.DataPrep;

/// <summary>
/// Writes unsigned-byte IDX files (the inverse of <see cref="IdxReader"/>), atomically: the bytes go to a
/// temporary file next to the target, which is then renamed over it, so a crash never leaves a
/// half-written file that looks complete. Used by <see cref="MnistDigitsConverter"/>.
/// </summary>
internal static class IdxWriter
{
    /// <summary>Writes <paramref name="data"/> with the given dimensions; gzips it when <paramref name="gzip"/> is true.</summary>
    public static void Write(string path, int[] dimensions, ReadOnlySpan<byte> data, bool gzip = false)
    {
        if (dimensions.Length is 0 or > 255)
            throw new ArgumentException($"{path}: an IDX file needs 1 to 255 dimensions, got {dimensions.Length}.", nameof(dimensions));
        long n = 1;
        foreach (var d in dimensions)
        {
            if (d < 0) throw new ArgumentException($"{path}: negative dimension in [{string.Join(", ", dimensions)}].", nameof(dimensions));
            n *= d;
        }
        if (n != data.Length)
            throw new ArgumentException(
                $"{path}: dimensions {string.Join("×", dimensions)} = {n} bytes, but {data.Length} bytes were given.", nameof(data));

        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = 0x08;
        header[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                Stream s = gzip ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : file;
                s.Write(header);
                s.Write(data);
                if (gzip) s.Dispose();
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
