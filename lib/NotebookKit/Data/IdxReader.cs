using System.Buffers.Binary;
using System.IO.Compression;
using static TorchSharp.torch;

namespace NotebookKit.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (<c>train-images-idx3-ubyte[.gz]</c>), raw or
/// gzipped (detected by the gzip magic bytes, not the file name).
/// </summary>
/// <remarks>
/// Format: a 4-byte magic number <c>00 00 TT RR</c> (TT = element type, 0x08 for unsigned bytes; RR =
/// rank), then RR big-endian uint32 sizes, then the elements. The file is streamed: magic, element type, rank
/// and sizes are checked before the payload buffer is allocated, and a raw file's length is compared with the
/// header before anything else is read, so a corrupt header cannot ask for gigabytes. The payload must then
/// match the header exactly, because a half-downloaded file otherwise shows up much later as a model that
/// will not learn. Errors are <see cref="InvalidDataException"/>s that start with the file path and say what to do.
/// </remarks>
public static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte UByte = 0x08;
    private static readonly string Refetch = $"Delete it and fetch it again ({DataRoot.FetchCommand}).";

    /// <summary>Reads an image file (magic 0x00000803); optionally checks the image size.</summary>
    /// <returns>Dimensions <c>[N, rows, cols]</c> and N·rows·cols bytes.</returns>
    public static IdxArray ReadImages(string path, int? rows = null, int? cols = null) =>
        Read(path, ImagesMagic, dims => CheckImageSize(path, dims, rows, cols));

    /// <summary>Reads a label file (magic 0x00000801).</summary>
    /// <returns>Dimensions <c>[N]</c> and N label bytes.</returns>
    public static IdxArray ReadLabels(string path) => Read(path, LabelsMagic);

    /// <summary>Reads any unsigned-byte IDX file; with <paramref name="expectedMagic"/>, insists on that type and rank.</summary>
    public static IdxArray Read(string path, int? expectedMagic = null) => Read(path, expectedMagic, null);

    /// <summary>Reads an image file into a uint8 tensor <c>(N, rows, cols)</c>, with the checks of
    /// <see cref="ReadImages"/>: the payload goes straight into the tensor's memory, with no managed copy to collect
    /// afterwards (the training images are 47 MB).</summary>
    public static Tensor ReadImagesTensor(string path, int? rows = null, int? cols = null)
    {
        Tensor? images = null;
        try
        {
            ReadPayload(path, ImagesMagic, dims => CheckImageSize(path, dims, rows, cols), (dims, length) =>
            {
                images = empty(dims.Select(d => (long)d).ToArray(), ScalarType.Byte);
                return images.bytes;
            });
            return images!;
        }
        catch
        {
            images?.Dispose();
            throw;
        }
    }

    private static void CheckImageSize(string path, int[] dims, int? rows, int? cols)
    {
        int r = dims[1], c = dims[2];
        if ((rows != null && r != rows) || (cols != null && c != cols))
            throw new InvalidDataException(
                $"{path}: wrong image size: the header says {r}×{c}, expected {rows ?? r}×{cols ?? c}. " +
                "Is this file from a different dataset?");
    }

    private static IdxArray Read(string path, int? expectedMagic, Action<int[]>? checkDims)
    {
        byte[]? data = null;
        var dims = ReadPayload(path, expectedMagic, checkDims, (_, length) => data = new byte[length]);
        return new IdxArray(path, dims, data!);
    }

    // Where the payload goes, once the header has been checked: a managed array or a tensor's memory.
    private delegate Span<byte> PayloadBuffer(int[] dims, long length);

    private static int[] ReadPayload(string path, int? expectedMagic, Action<int[]>? checkDims, PayloadBuffer allocate)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{path}: file not found. The datasets under data/ are fetched by `{DataRoot.FetchCommand}`.", path);
        using var file = File.OpenRead(path);
        bool gzip = IsGzip(file);
        using Stream input = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        long? payloadLength = null;

        var dims = ReadHeader(path, input, expectedMagic, out int headerLength);
        checkDims?.Invoke(dims);
        long expected = Product(path, dims);
        if (!gzip) payloadLength = file.Length - headerLength;
        if (payloadLength is long known && known != expected) throw WrongLength(path, dims, expected, known);

        var data = allocate(dims, expected);
        int got = Fill(path, input, data);
        long extra = got == data.Length ? CountRest(path, input) : 0;
        if (got != expected || extra != 0) throw WrongLength(path, dims, expected, got + extra);
        return dims;
    }

    // Magic, element type and rank, then the sizes; nothing large is allocated before they are known good.
    private static int[] ReadHeader(string path, Stream input, int? expectedMagic, out int headerLength)
    {
        var head = new byte[4];
        int n = Fill(path, input, head);
        if (n < 4)
            throw new InvalidDataException($"{path}: truncated: {n} bytes is too short for an IDX header. {Refetch}");
        int magic = BinaryPrimitives.ReadInt32BigEndian(head);
        int rank = head[3];
        if (head[0] != 0 || head[1] != 0 || rank == 0 || ElementType(head[2]) is null)
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{magic:X8}: an IDX file starts with 0x0000TTRR (TT = element type, " +
                "RR = rank ≥ 1). Is this an IDX file at all?");
        if (head[2] != UByte)
            throw new InvalidDataException(
                $"{path}: element type 0x{head[2]:X2} ({ElementType(head[2])}) is not supported: MNIST-style images and " +
                "labels are unsigned bytes (0x08). Convert the values to 0..255 and save them with element type 0x08.");
        if (expectedMagic is int want && magic != want)
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{magic:X8}: expected 0x{want:X8} ({Describe(want)}). " +
                "Is this the right file (images vs labels)?");

        headerLength = 4 + 4 * rank;
        var sizes = new byte[4 * rank];
        n = Fill(path, input, sizes);
        if (n < sizes.Length)
            throw new InvalidDataException(
                $"{path}: truncated: the header of a rank-{rank} IDX file needs {headerLength} bytes, the file has {4 + n}. {Refetch}");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(sizes.AsSpan(4 * i));
            if (d > int.MaxValue)
                throw new InvalidDataException($"{path}: dimension {i} is {d}, too large; the header is corrupt. {Refetch}");
            dims[i] = (int)d;
        }
        return dims;
    }

    private static long Product(string path, int[] dims)
    {
        long expected = 1;
        foreach (var d in dims)
        {
            expected *= d;
            if (expected > Array.MaxLength)
                throw new InvalidDataException(
                    $"{path}: the header says {string.Join("×", dims)}, more than one array can hold; the header is corrupt. {Refetch}");
        }
        return expected;
    }

    private static InvalidDataException WrongLength(string path, int[] dims, long expected, long actual) => new(
        $"{path}: {(actual < expected ? "truncated" : "too long")}: header says {string.Join("×", dims)} = {expected} bytes, " +
        $"file has {actual}. {Refetch}");

    // Gzip is recognised by content so that a renamed or already-unpacked file still loads.
    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    // Reads until the buffer is full or the stream ends; a gzip error becomes a message naming the file.
    private static int Fill(string path, Stream input, Span<byte> buffer)
    {
        try { return input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false); }
        catch (InvalidDataException e) { throw CorruptGzip(path, e); }
    }

    private static long CountRest(string path, Stream input)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int n; (n = Fill(path, input, buffer)) > 0;) total += n;
        return total;
    }

    private static InvalidDataException CorruptGzip(string path, Exception e) =>
        new($"{path}: corrupt gzip data ({e.Message}). {Refetch}", e);

    private static string? ElementType(byte code) => code switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => null,
    };

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images, 3 dimensions",
        LabelsMagic => "unsigned-byte labels, 1 dimension",
        _ => $"type 0x{(magic >> 8) & 0xFF:X2}, rank {magic & 0xFF}",
    };
}
