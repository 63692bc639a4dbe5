using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// A minimal PNG reader for checking NotebookKit's <c>PngWriter</c> without the writer's own code: 8-bit,
/// non-interlaced greyscale/RGB/RGBA, all five filter types (unfiltered here from the specification's formulas). It
/// checks the signature and every chunk's CRC (computed bit by bit, not from the writer's table), inflates IDAT with
/// .NET's zlib and throws on anything it does not understand.
/// </summary>
internal sealed record DecodedPng(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace,
    IReadOnlyList<string> ChunkTypes, byte[] FilterTypes, byte[] Pixels)
{
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {ColorType}") };

    public static DecodedPng Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("bad PNG signature");
        var types = new List<string>();
        var idat = new MemoryStream();
        byte[]? ihdr = null;
        int pos = 8;
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            uint actual = BitwiseCrc(png.AsSpan(pos + 4, 4 + length));
            if (stored != actual) throw new InvalidDataException($"chunk {type}: CRC {stored:X8}, computed {actual:X8}");
            types.Add(type);
            if (type == "IHDR") ihdr = data.ToArray();
            if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
            if (type == "IEND") break;
        }
        if (pos != png.Length) throw new InvalidDataException($"{png.Length - pos} bytes after IEND");
        if (ihdr is null || ihdr.Length != 13) throw new InvalidDataException("no valid IHDR");
        int w = BinaryPrimitives.ReadInt32BigEndian(ihdr), h = BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4));
        var decoded = new DecodedPng(w, h, ihdr[8], ihdr[9], ihdr[12], types, [], []);
        if (decoded.BitDepth != 8 || ihdr[10] != 0 || ihdr[11] != 0 || decoded.Interlace != 0)
            throw new InvalidDataException("only 8-bit, deflate, non-interlaced PNGs are supported");
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var (pixels, filters) = Unfilter(raw.ToArray(), w, h, decoded.Channels);
        return decoded with { Pixels = pixels, FilterTypes = filters };
    }

    private static (byte[], byte[]) Unfilter(byte[] raw, int w, int h, int bpp)
    {
        int stride = w * bpp;
        if (raw.Length != h * (stride + 1)) throw new InvalidDataException($"IDAT holds {raw.Length} bytes, expected {h * (stride + 1)}");
        var pixels = new byte[h * stride];
        var filters = new byte[h];
        for (int y = 0; y < h; y++)
        {
            filters[y] = raw[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int f = raw[y * (stride + 1) + 1 + x];
                int a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
                int pred = filters[y] switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"row {y}: filter type {filters[y]}"),
                };
                pixels[y * stride + x] = (byte)(f + pred);
            }
        }
        return (pixels, filters);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var v in bytes)
        {
            crc ^= v;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
