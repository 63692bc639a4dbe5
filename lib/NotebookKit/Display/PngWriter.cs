using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Display;

/// <summary>
/// Encodes an 8-bit greyscale or RGB picture as PNG (W3C PNG 3rd edition): signature, IHDR, one IDAT, IEND — no
/// ancillary chunks, so the same pixels always give the same bytes. The image grids' only encoder: it replaced
/// torchvision's <c>SkiaImager</c>, which needs SkiaSharp's 9 MB native library per platform (bench/README.md,
/// "PNG encoders", has the measurements).
/// </summary>
/// <remarks>
/// Each row is filtered with whichever of PNG's five filters leaves the least Σ|byte read as signed| (libpng's heuristic): a grid
/// repeats its padding and, scaled 2×, every image row and pixel twice, which Up and Sub turn into runs of zeros; the
/// filtered rows are then zlib-compressed (RFC 1950, as PNG requires) by <see cref="ZLibStream"/>.
/// </remarks>
internal static class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>The PNG of a byte tensor <c>(C, H, W)</c>, C = 1 (greyscale) or 3 (RGB), as <c>save_image</c> takes it.</summary>
    public static byte[] Encode(Tensor image)
    {
        if (image.dtype != ScalarType.Byte || image.shape.Length != 3 || image.shape[0] is not (1 or 3))
            throw new ArgumentException($"PngWriter: expected a uint8 tensor (C, H, W) with C = 1 or 3, got {image.dtype} " +
                                        $"({string.Join(", ", image.shape)}).", nameof(image));
        int channels = (int)image.shape[0], height = (int)image.shape[1], width = (int)image.shape[2];
        using var interleaved = image.permute(1, 2, 0).contiguous();                     // (H, W, C): RGBRGB…
        return Encode(interleaved.bytes, width, height, channels);
    }

    /// <summary>The PNG of <paramref name="height"/> rows of <c>width · channels</c> bytes, top row first.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (width < 1 || height < 1 || channels is not (1 or 3) || pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"PngWriter: a {width}×{height} image with {channels} channel(s) needs " +
                                        $"{(long)width * height * channels} bytes, got {pixels.Length}.", nameof(pixels));
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                                   // bit depth; then colour type, deflate, adaptive filters, no interlace
        header[9] = (byte)(channels == 1 ? 0 : 2);       // 0 = greyscale, 2 = RGB
        using var file = new MemoryStream();
        file.Write(Signature);
        WriteChunk(file, "IHDR"u8, header);
        WriteChunk(file, "IDAT"u8, CompressRows(pixels, width * channels, height, channels));
        WriteChunk(file, "IEND"u8, []);
        return file.ToArray();
    }

    // Each row is written with the filter that minimises Σ|byte as signed| over its filtered bytes (libpng's heuristic),
    // predicting from a = the byte one pixel left, b = the byte above, c = above-left (zeros outside the image):
    // 0 None, 1 Sub (x − a), 2 Up (x − b), 3 Average (x − ⌊(a + b)/2⌋), 4 Paeth (x − whichever of a, b, c is nearest a + b − c).
    private static byte[] CompressRows(ReadOnlySpan<byte> pixels, int stride, int height, int bpp)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var candidates = new byte[5][];
            for (int f = 0; f < 5; f++) candidates[f] = new byte[stride + 1];
            var zeros = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                var row = pixels.Slice(y * stride, stride);
                var above = y == 0 ? zeros : pixels.Slice((y - 1) * stride, stride);
                int best = 0;
                long bestCost = long.MaxValue;
                for (int f = 0; f < 5; f++)
                {
                    long cost = Filter(f, row, above, bpp, candidates[f]);
                    if (cost < bestCost) (best, bestCost) = (f, cost);
                }
                z.Write(candidates[best]);
            }
        }
        return compressed.ToArray();
    }

    /// <summary>Writes filter <paramref name="type"/>'s byte and the filtered row into <paramref name="output"/>; returns its cost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // optimised at once: tier-0 code made the first grid 2× slower
    private static long Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp, byte[] output)
    {
        output[0] = (byte)type;
        var o = output.AsSpan(1);
        int n = row.Length;
        switch (type)
        {
            case 0: row.CopyTo(o); break;
            case 1: for (int x = 0; x < n; x++) o[x] = (byte)(row[x] - (x >= bpp ? row[x - bpp] : 0)); break;
            case 2: for (int x = 0; x < n; x++) o[x] = (byte)(row[x] - above[x]); break;
            case 3: for (int x = 0; x < n; x++) o[x] = (byte)(row[x] - (((x >= bpp ? row[x - bpp] : 0) + above[x]) >> 1)); break;
            default:
                for (int x = 0; x < n; x++)
                    o[x] = (byte)(row[x] - (x >= bpp ? Paeth(row[x - bpp], above[x], above[x - bpp]) : above[x]));   // Paeth(0, b, 0) = b
                break;
        }
        long cost = 0;
        foreach (var v in o) cost += v < 128 ? v : 256 - v;
        return cost;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // A chunk: data length (big-endian), type, data, CRC-32 over type and data.
    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        s.Write(type);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu);
        s.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    // CRC-32 with the reflected polynomial 0xEDB88320, as the PNG specification's sample code builds its table.
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
