using NotebookKit.Data;
using NotebookKit.DataPrep;

namespace NotebookKit.Tests.Data;

public class IdxWriterTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriterRoundTripsThroughReader(bool gzip)
    {
        var px = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 7)).ToArray();
        IdxWriter.Write(dir["sub/x-idx3-ubyte"], [2, 3, 4], px, gzip);
        var back = IdxReader.ReadImages(dir["sub/x-idx3-ubyte"]);
        Assert.Equal([2, 3, 4], back.Dimensions);
        Assert.Equal(px, back.Data);
        Assert.Single(Directory.GetFiles(dir["sub"])); // no temp file left behind
    }

    [Fact]
    public void WritesTheHeaderTheFormatDefines()
    {
        IdxWriter.Write(dir["labels"], [3], [7, 0, 9]);
        Assert.Equal(IdxFiles.Idx(IdxReader.LabelsMagic, [3], [7, 0, 9]), File.ReadAllBytes(dir["labels"]));
    }

    [Fact]
    public void WriterRejectsDataThatDoesNotMatchDimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => IdxWriter.Write(dir["x"], [2, 3], new byte[5]));
        Assert.Contains("dimensions 2×3 = 6 bytes, but 5 bytes were given", e.Message);
        Assert.False(File.Exists(dir["x"]));
    }
}
