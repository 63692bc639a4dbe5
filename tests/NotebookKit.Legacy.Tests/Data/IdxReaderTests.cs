using System.Buffers.Binary;
using System.IO.Compression;
using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

public class IdxReaderTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    // Builds IDX bytes by hand (not with IdxWriter) so that reader and writer are tested independently.
    private static byte[] Idx(int magic, int[] dims, byte[] payload)
    {
        var b = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(b, magic);
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(b, 4 + 4 * dims.Length);
        return b;
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(raw);
        return ms.ToArray();
    }

    private string WriteFile(string name, byte[] bytes, bool gzip = false)
    {
        File.WriteAllBytes(dir[name], gzip ? Gzip(bytes) : bytes);
        return dir[name];
    }

    private static byte[] Pixels(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsGoodImageAndLabelFiles(bool gzip)
    {
        var px = Pixels(3 * 4 * 5);
        var images = IdxReader.ReadImages(WriteFile("img", Idx(0x803, [3, 4, 5], px), gzip));
        var labels = IdxReader.ReadLabels(WriteFile("lbl", Idx(0x801, [3], [7, 0, 9]), gzip));

        Assert.Equal([3, 4, 5], images.Dimensions);
        Assert.Equal(3, images.Count);
        Assert.Equal(px, images.Data);
        Assert.Equal([3], labels.Dimensions);
        Assert.Equal([7, 0, 9], labels.Data);
    }

    [Fact]
    public void DetectsGzipByContentNotName()
    {
        // Gzipped data without .gz, raw data with .gz: both load.
        var a = WriteFile("labels", Idx(0x801, [2], [1, 2]), gzip: true);
        var b = WriteFile("labels-raw.gz", Idx(0x801, [2], [1, 2]));
        Assert.Equal([1, 2], IdxReader.ReadLabels(a).Data);
        Assert.Equal([1, 2], IdxReader.ReadLabels(b).Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WrongMagicNamesFileAndBothNumbers(bool gzip)
    {
        // A label file where images are expected: the classic mix-up.
        var path = WriteFile("train-images-idx3-ubyte.gz", Idx(0x801, [3], [1, 2, 3]), gzip);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.StartsWith(path + ": wrong magic number 0x00000801", e.Message);
        Assert.Contains("expected 0x00000803", e.Message);
    }

    [Fact]
    public void NotAnIdxFileIsRejected()
    {
        var path = WriteFile("notes.txt", "hello, world"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));
        Assert.Contains("notes.txt: wrong magic number", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedPayloadSaysHowManyBytesAreMissing(bool gzip)
    {
        var full = Idx(0x803, [10, 28, 28], Pixels(10 * 28 * 28));
        var path = WriteFile("train-images-idx3-ubyte.gz", full[..(16 + 1234)], gzip);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("train-images-idx3-ubyte.gz: truncated: header says 10×28×28 = 7840 bytes, file has 1234", e.Message);
        Assert.Contains("fetch-data.sh", e.Message);
    }

    [Fact]
    public void TruncatedHeaderIsRejected()
    {
        var path = WriteFile("short", Idx(0x803, [10, 28, 28], [])[..9]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("short: truncated: the header of a rank-3 IDX file needs 16 bytes, the file has 9", e.Message);
    }

    [Fact]
    public void TrailingBytesAreRejected()
    {
        var path = WriteFile("long", Idx(0x801, [2], [1, 2, 3]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("long: too long: header says 2 = 2 bytes, file has 3", e.Message);
    }

    [Fact]
    public void WrongImageSizeNamesFileAndSizes()
    {
        var path = WriteFile("cifar-ish", Idx(0x803, [2, 32, 32], Pixels(2 * 32 * 32)));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path, 28, 28));
        Assert.Contains("cifar-ish: wrong image size: the header says 32×32, expected 28×28", e.Message);
    }

    [Fact]
    public void WrongRankIsAWrongMagic()
    {
        // Labels stored as a 2-d array (N, 1): rank 2, so magic 0x00000802.
        var path = WriteFile("labels-2d", Idx(0x802, [3, 1], [1, 2, 3]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("labels-2d: wrong magic number 0x00000802: expected 0x00000801", e.Message);
    }

    [Fact]
    public void CorruptGzipNamesFile()
    {
        var gz = Gzip(Idx(0x801, [100], new byte[100]));
        gz[12] ^= 0xFF; gz[13] ^= 0xFF; gz[14] ^= 0xFF;
        var path = WriteFile("broken.gz", gz[..^6]);
        var e = Assert.ThrowsAny<Exception>(() => IdxReader.ReadLabels(path));
        Assert.Contains("broken.gz", e.Message);
    }

    [Fact]
    public void MissingFileNamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(dir["nope-idx1-ubyte"]));
        Assert.Contains("nope-idx1-ubyte: file not found", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriterRoundTripsThroughReader(bool gzip)
    {
        var px = Pixels(2 * 3 * 4);
        IdxWriter.Write(dir["sub/x-idx3-ubyte"], [2, 3, 4], px, gzip);
        var back = IdxReader.ReadImages(dir["sub/x-idx3-ubyte"]);
        Assert.Equal([2, 3, 4], back.Dimensions);
        Assert.Equal(px, back.Data);
        Assert.Single(Directory.GetFiles(dir["sub"])); // no temp file left behind
    }

    [Fact]
    public void WriterRejectsDataThatDoesNotMatchDimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => IdxWriter.Write(dir["x"], [2, 3], new byte[5]));
        Assert.Contains("dimensions 2×3 = 6 bytes, but 5 bytes were given", e.Message);
        Assert.False(File.Exists(dir["x"]));
    }
}
