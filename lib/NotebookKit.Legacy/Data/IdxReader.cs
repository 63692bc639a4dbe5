using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookKit.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (<c>train-images-idx3-ubyte[.gz]</c>), raw or
/// gzipped (detected by the gzip magic bytes, not the file name).
/// </summary>
/// <remarks>
/// Format: a 4-byte magic number <c>00 00 TT RR</c> (TT = element type, 0x08 for unsigned bytes; RR =
/// rank), then RR big-endian uint32 sizes, then the elements. Everything is checked — magic, type, rank,
/// sizes and that the payload length matches the header exactly — because a half-downloaded file
/// otherwise shows up much later as a model that will not learn. Errors are <see cref="InvalidDataException"/>s
/// that start with the file path.
/// </remarks>
public static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte UByte = 0x08;

    /// <summary>Reads an image file (magic 0x00000803); optionally checks the image size.</summary>
    /// <returns>Dimensions <c>[N, rows, cols]</c> and N·rows·cols bytes.</returns>
    public static IdxArray ReadImages(string path, int? rows = null, int? cols = null)
    {
        var idx = Read(path, ImagesMagic);
        int r = idx.Dimensions[1], c = idx.Dimensions[2];
        if ((rows != null && r != rows) || (cols != null && c != cols))
            throw new InvalidDataException(
                $"{path}: wrong image size: the header says {r}×{c}, expected {rows ?? r}×{cols ?? c}. " +
                "Is this file from a different dataset?");
        return idx;
    }

    /// <summary>Reads a label file (magic 0x00000801).</summary>
    /// <returns>Dimensions <c>[N]</c> and N label bytes.</returns>
    public static IdxArray ReadLabels(string path) => Read(path, LabelsMagic);

    /// <summary>Reads any unsigned-byte IDX file; with <paramref name="expectedMagic"/>, insists on that type and rank.</summary>
    public static IdxArray Read(string path, int? expectedMagic = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{path}: file not found. The datasets under data/ are fetched by `{DataRoot.FetchCommand}`.", path);
        return Parse(path, Decompress(path, File.ReadAllBytes(path)), expectedMagic);
    }

    /// <summary>Parses IDX bytes already in memory (after decompression); <paramref name="path"/> names them in errors.</summary>
    internal static IdxArray Parse(string path, byte[] bytes, int? expectedMagic)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path}: truncated: {bytes.Length} bytes is too short for an IDX header.");
        int magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        int rank = bytes[3];
        if (expectedMagic is int want && magic != want)
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{magic:X8}: expected 0x{want:X8} ({Describe(want)}). " +
                "Is this the right file (images vs labels), or is it not an IDX file at all?");
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != UByte || rank == 0)
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{magic:X8}: an unsigned-byte IDX file starts with 0x000008RR (RR = rank ≥ 1).");

        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new InvalidDataException(
                $"{path}: truncated: the header of a rank-{rank} IDX file needs {headerLength} bytes, the file has {bytes.Length}.");
        var dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            expected *= d;
            if (d > int.MaxValue || expected > Array.MaxLength)
                throw new InvalidDataException($"{path}: dimension {i} is {d}, too large; the header is corrupt.");
            dims[i] = (int)d;
        }

        long actual = bytes.Length - headerLength;
        if (actual != expected)
            throw new InvalidDataException(
                $"{path}: {(actual < expected ? "truncated" : "too long")}: header says {string.Join("×", dims)} = {expected} bytes, " +
                $"file has {actual}. Delete it and fetch it again (bash environment/fetch-data.sh).");
        return new IdxArray(path, dims, bytes.AsSpan(headerLength).ToArray());
    }

    // Gzip is recognised by content so that a renamed or already-unpacked file still loads.
    private static byte[] Decompress(string path, byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B) return bytes;
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream(bytes.Length * 4);
            gz.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"{path}: corrupt gzip data ({e.Message}). Delete it and fetch it again (bash environment/fetch-data.sh).", e);
        }
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images, 3 dimensions",
        LabelsMagic => "unsigned-byte labels, 1 dimension",
        _ => $"type 0x{(magic >> 8) & 0xFF:X2}, rank {magic & 0xFF}",
    };
}
