using NotebookKit.Data;
using static NotebookKit.Tests.Data.IdxFiles;

namespace NotebookKit.Tests.Data;

public class IdxReaderTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    private static byte[] Pixels(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsGoodImageAndLabelFiles(bool gzip)
    {
        var px = Pixels(3 * 4 * 5);
        var images = IdxReader.ReadImages(Write(dir["img"], Idx(0x803, [3, 4, 5], px), gzip));
        var labels = IdxReader.ReadLabels(Write(dir["lbl"], Idx(0x801, [3], [7, 0, 9]), gzip));

        Assert.Equal([3, 4, 5], images.Dimensions);
        Assert.Equal(3, images.Count);
        Assert.Equal(px, images.Data);
        Assert.Equal([3], labels.Dimensions);
        Assert.Equal([7, 0, 9], labels.Data);
    }

    [Fact]
    public void DetectsGzipByContentNotName()
    {
        var a = Write(dir["labels"], Idx(0x801, [2], [1, 2]), gzip: true);
        var b = Write(dir["labels-raw.gz"], Idx(0x801, [2], [1, 2]));
        Assert.Equal([1, 2], IdxReader.ReadLabels(a).Data);
        Assert.Equal([1, 2], IdxReader.ReadLabels(b).Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WrongMagicNamesFileAndBothNumbers(bool gzip)
    {
        // A label file where images are expected: the classic mix-up.
        var path = Write(dir["train-images-idx3-ubyte.gz"], Idx(0x801, [3], [1, 2, 3]), gzip);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.StartsWith(path + ": wrong magic number 0x00000801", e.Message);
        Assert.Contains("expected 0x00000803", e.Message);
    }

    [Fact]
    public void NotAnIdxFileIsRejected()
    {
        var path = Write(dir["notes.txt"], "hello, world"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));
        Assert.StartsWith(path + ": wrong magic number 0x68656C6C", e.Message);
        Assert.Contains("Is this an IDX file at all?", e.Message);
    }

    [Fact]
    public void FloatElementTypeNamesTheTypeAndTheFix()
    {
        // float32 images (type 0x0D): a valid IDX file, but not the unsigned bytes the datasets are.
        var path = Write(dir["float-images"], Idx(0x0D03, [1, 1, 2], new byte[8]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.StartsWith(path + ": element type 0x0D (float32) is not supported", e.Message);
        Assert.Contains("Convert the values to 0..255", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedPayloadSaysHowManyBytesAreMissing(bool gzip)
    {
        var full = Idx(0x803, [10, 28, 28], Pixels(10 * 28 * 28));
        var path = Write(dir["train-images-idx3-ubyte.gz"], full[..(16 + 1234)], gzip);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("train-images-idx3-ubyte.gz: truncated: header says 10×28×28 = 7840 bytes, file has 1234", e.Message);
        Assert.Contains("bash environment/fetch-data.sh", e.Message);
    }

    [Fact]
    public void RawFileIsCheckedAgainstTheHeaderBeforeThePayloadIsAllocated()
    {
        // The header promises Fashion-MNIST's 47 MB; the file holds 100 bytes. Nothing near 47 MB may be allocated.
        var path = Write(dir["train-images-idx3-ubyte"], Idx(0x803, [60000, 28, 28], new byte[100]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path, 28, 28));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("truncated: header says 60000×28×28 = 47040000 bytes, file has 100", e.Message);
        Assert.InRange(allocated, 0, 1_000_000);
    }

    [Fact]
    public void ImpossibleSizesAreRejectedBeforeAllocating()
    {
        var path = Write(dir["huge"], Idx(0x803, [65536, 65536, 65536], []));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("huge: the header says 65536×65536×65536, more than one array can hold; the header is corrupt", e.Message);
    }

    [Fact]
    public void TruncatedHeaderIsRejected()
    {
        var path = Write(dir["short"], Idx(0x803, [10, 28, 28], [])[..9]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("short: truncated: the header of a rank-3 IDX file needs 16 bytes, the file has 9", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrailingBytesAreRejected(bool gzip)
    {
        var path = Write(dir["long"], Idx(0x801, [2], [1, 2, 3]), gzip);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("long: too long: header says 2 = 2 bytes, file has 3", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsImagesStraightIntoAUint8TensorWithTheSameChecks(bool gzip)
    {
        var px = Pixels(3 * 4 * 5);
        var path = Write(dir["img"], Idx(0x803, [3, 4, 5], px), gzip);
        using var images = IdxReader.ReadImagesTensor(path, 4, 5);
        Assert.Equal([3L, 4, 5], images.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Byte, images.dtype);
        Assert.Equal(px, images.data<byte>().ToArray());

        var cut = Write(dir["cut"], Idx(0x803, [3, 4, 5], px)[..(16 + 50)], gzip);
        var truncated = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImagesTensor(cut));
        Assert.Contains("cut: truncated: header says 3×4×5 = 60 bytes, file has 50", truncated.Message);
        var size = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImagesTensor(path, 28, 28));
        Assert.Contains("img: wrong image size: the header says 4×5, expected 28×28", size.Message);
    }

    [Fact]
    public void WrongImageSizeNamesFileAndSizes()
    {
        var path = Write(dir["cifar-ish"], Idx(0x803, [2, 32, 32], Pixels(2 * 32 * 32)));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path, 28, 28));
        Assert.Contains("cifar-ish: wrong image size: the header says 32×32, expected 28×28", e.Message);
    }

    [Fact]
    public void WrongRankIsAWrongMagic()
    {
        var path = Write(dir["labels-2d"], Idx(0x802, [3, 1], [1, 2, 3]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("labels-2d: wrong magic number 0x00000802: expected 0x00000801", e.Message);
    }

    [Fact]
    public void CorruptGzipNamesFile()
    {
        var gz = Gzip(Idx(0x801, [100], new byte[100]));
        gz[12] ^= 0xFF; gz[13] ^= 0xFF; gz[14] ^= 0xFF;
        var path = Write(dir["broken.gz"], gz[..^6]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.StartsWith(path + ":", e.Message);
    }

    [Fact]
    public void MissingFileNamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(dir["nope-idx1-ubyte"]));
        Assert.Contains("nope-idx1-ubyte: file not found", e.Message);
        Assert.Contains("bash environment/fetch-data.sh", e.Message);
    }
}
