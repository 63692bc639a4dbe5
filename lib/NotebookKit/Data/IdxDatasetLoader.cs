using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Data;

/// <summary>Reads an MNIST-style pair of IDX files (images + labels) into an <see cref="ImageDataset"/>.</summary>
internal static class IdxDatasetLoader
{
    public const int Side = 28;

    /// <summary>The two file names of a split, as distributed: <c>train-…</c> or <c>t10k-…</c>.</summary>
    public static (string Images, string Labels) FileNames(bool train) => train
        ? ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")
        : ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /// <summary>True when both files of the split exist (raw or .gz) in <paramref name="folder"/>.</summary>
    public static bool Exists(string folder, bool train)
    {
        var (img, lbl) = FileNames(train);
        return DataRoot.FindIdx(folder, img) != null && DataRoot.FindIdx(folder, lbl) != null;
    }

    /// <summary>Bytes p → X = p / 255 <c>(N, 1, 28, 28)</c> float32 and labels → y <c>(N)</c> int64, after checking the pair.</summary>
    public static ImageDataset Load(string folder, bool train, IReadOnlyList<string> classes, string name)
    {
        var (imgName, lblName) = FileNames(train);
        var imgPath = DataRoot.FindIdx(folder, imgName) ?? throw NotFound(folder, imgName, name);
        var lblPath = DataRoot.FindIdx(folder, lblName) ?? throw NotFound(folder, lblName, name);

        var labels = IdxReader.ReadLabels(lblPath);
        int bad = Array.FindIndex(labels.Data, l => l >= classes.Count);
        if (bad >= 0)
            throw new InvalidDataException(
                $"{lblPath}: label {labels.Data[bad]} at index {bad} is not a class of {name} (0..{classes.Count - 1}). " +
                $"Delete the file and run `{DataRoot.FetchCommand}`.");

        using var scope = NewDisposeScope();
        var images = IdxReader.ReadImagesTensor(imgPath, Side, Side);   // (N, 28, 28) uint8, read in place
        if (images.shape[0] != labels.Count)
            throw new InvalidDataException(
                $"{lblPath}: {labels.Count} labels, but {imgPath} has {images.shape[0]} images. " +
                $"The two files come from different downloads; delete both and run `{DataRoot.FetchCommand}`.");
        var X = images.unsqueeze(1).to_type(ScalarType.Float32).div_(255);
        var y = tensor(labels.Data, ScalarType.Byte).to_type(ScalarType.Int64);
        return new ImageDataset(X, y, classes, $"{name} {(train ? "train" : "test")}");
    }

    private static FileNotFoundException NotFound(string folder, string file, string name) => new(
        $"{name} not found: {Path.Combine(folder, file)}[.gz] does not exist. Fetch the datasets with " +
        $"`{DataRoot.FetchCommand}` (from the repository root), or pass root: / set {DataRoot.EnvironmentVariable} " +
        "to the folder that holds them.",
        Path.Combine(folder, file));
}
