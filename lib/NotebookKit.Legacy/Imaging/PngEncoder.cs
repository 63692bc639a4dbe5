using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NotebookKit.Imaging;

/// <summary>
/// Writes 8-bit greyscale, RGB and RGBA images as PNG files (W3C PNG, 3rd edition): the signature, one IHDR
/// chunk, one IDAT chunk and IEND. No interlacing, no ancillary chunks (so no timestamps): the same pixels
/// always give the same bytes on a given .NET runtime.
/// </summary>
/// <remarks>
/// Filter: every scanline uses filter type 2, <b>Up</b> (each byte minus the byte above it; the row above
/// the first is zeros). Image grids repeat the same padding and the same background row after row, which
/// Up turns into runs of zeros that deflate well, and its inverse is one addition per byte. The filtered
/// rows are compressed with <see cref="ZLibStream"/>, the zlib wrapper (RFC 1950) PNG requires.
/// </remarks>
/// <example><code>
/// byte[] png = PngEncoder.Encode(pixels, width: 28, height: 28, PngColorType.Gray);
/// PngEncoder.Save("digit.png", png);
/// </code></example>
public static class PngEncoder
{
    /// <summary>The 8 bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG filter type written on every row (2 = Up).</summary>
    public const byte FilterType = 2;

    // CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320) as in the PNG spec's sample code.
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Bytes per pixel for a colour type: 1 (Gray), 3 (Rgb) or 4 (Rgba).</summary>
    public static int Channels(PngColorType colorType) => colorType switch
    {
        PngColorType.Gray => 1,
        PngColorType.Rgb => 3,
        PngColorType.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), $"PngEncoder: unsupported colour type {colorType}."),
    };

    /// <summary>
    /// Encodes <paramref name="pixels"/>: <c>height</c> rows of <c>width · Channels(colorType)</c> bytes,
    /// top row first, channels interleaved (RGBRGB…).
    /// </summary>
    /// <param name="pixels">Row-major samples, length <c>width · height · channels</c>.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="colorType">Gray, Rgb or Rgba.</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType = PngColorType.Gray)
    {
        int channels = Channels(colorType);
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"PngEncoder.Encode: width and height must be positive, got {width}×{height}.");
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
            throw new ArgumentException(
                $"PngEncoder.Encode: a {width}×{height} {colorType} image needs {expected} bytes ({channels} per pixel), got {pixels.Length}.");

        using var file = new MemoryStream();
        file.Write(Signature);
        WriteChunk(file, "IHDR", Header(width, height, colorType));
        WriteChunk(file, "IDAT", CompressRows(pixels, width * channels, height));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Encodes and writes a PNG file (see <see cref="Save(string, ReadOnlySpan{byte})"/>).</summary>
    public static void Save(string path, ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType = PngColorType.Gray) =>
        Save(path, Encode(pixels, width, height, colorType));

    /// <summary>
    /// Writes <paramref name="png"/> to <paramref name="path"/> atomically: into a temporary file in the same
    /// folder, then renamed over the target, so a reader never sees half a file. Creates the folder if needed.
    /// </summary>
    public static void Save(string path, ReadOnlySpan<byte> png)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                f.Write(png);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>CRC-32 of <paramref name="bytes"/> as PNG chunks use it (over the chunk type and data).</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes) => UpdateCrc(0xFFFFFFFFu, bytes) ^ 0xFFFFFFFFu;

    private static byte[] Header(int width, int height, PngColorType colorType)
    {
        var h = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(4), height);
        h[8] = 8;                 // bit depth
        h[9] = (byte)colorType;
        h[10] = 0;                // compression: deflate
        h[11] = 0;                // filter method: adaptive (five types)
        h[12] = 0;                // no interlace
        return h;
    }

    // Each row: its filter-type byte, then Filt(x) = Orig(x) − Orig(b) mod 256 with b the byte above.
    private static byte[] CompressRows(ReadOnlySpan<byte> pixels, int stride, int height)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[stride + 1];
            row[0] = FilterType;
            for (int y = 0; y < height; y++)
            {
                var cur = pixels.Slice(y * stride, stride);
                if (y == 0) cur.CopyTo(row.AsSpan(1));
                else
                {
                    var above = pixels.Slice((y - 1) * stride, stride);
                    for (int x = 0; x < stride; x++) row[x + 1] = (byte)(cur[x] - above[x]);
                }
                z.Write(row);
            }
        }
        return compressed.ToArray();
    }

    // Chunk layout: length (4, big-endian, data only), type (4 ASCII), data, CRC over type and data.
    private static void WriteChunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        s.Write(typeBytes);
        s.Write(data);
        uint crc = UpdateCrc(UpdateCrc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        s.Write(word);
    }

    private static uint UpdateCrc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
