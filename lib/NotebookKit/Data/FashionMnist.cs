namespace NotebookKit.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul &amp; Vollgraf, 2017): 70,000 greyscale 28×28 images of clothing in 10
/// classes, 60,000 for training (6,000 per class) and 10,000 for testing. A drop-in replacement for MNIST
/// that is harder to memorise, which makes reconstructions and samples more telling.
/// </summary>
/// <remarks>
/// <para>Files: <c>{root}/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]</c>, fetched by
/// <c>bash environment/fetch-data.sh</c> from Debian's <c>dataset-fashion-mnist</c> package. The root is
/// found by <see cref="DataRoot.Resolve"/>. PyTorch: <c>torchvision.datasets.FashionMNIST(root, train)</c>.</para>
/// <para>Why not TorchVision's <c>torchvision.datasets.FashionMNIST</c> (TorchVision 0.107): it reads only the
/// uncompressed files (ours are the .gz the package ships), scales pixels by 1/256 instead of 1/255 (so white is
/// not 1.0, unlike PyTorch's <c>ToTensor()</c>), hands out one tensor per sample instead of one resident
/// <c>(N, 1, 28, 28)</c> tensor that a batch is cut from, and does not check the IDX header against the file
/// (a truncated download loads as garbage). <see cref="IdxReader"/> does all four.</para>
/// </remarks>
/// <example><code>
/// var train = FashionMnist.Load(train: true);   // X (60000, 1, 28, 28) in [0, 1], y (60000)
/// var trainLoader = new DataLoader(train, batchSize: 128, shuffle: true, seed: 0);
/// </code></example>
public static class FashionMnist
{
    /// <summary>The folder under the data root.</summary>
    public const string Folder = "fashion-mnist";

    /// <summary>Class names by label, as published with the dataset.</summary>
    public static IReadOnlyList<string> Classes { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>Loads the training (60,000) or test (10,000) split.</summary>
    /// <param name="train">true for the training split, false for the test split.</param>
    /// <param name="root">The data folder; by default found as <see cref="DataRoot.Resolve"/> describes.</param>
    public static ImageDataset Load(bool train = true, string? root = null) =>
        IdxDatasetLoader.Load(Path.Combine(DataRoot.Resolve(root), Folder), train, Classes, "Fashion-MNIST");

    /// <summary>True when the split's files are in place (raw or .gz), e.g. to skip a cell or a test.</summary>
    public static bool IsAvailable(bool train = true, string? root = null) =>
        IdxDatasetLoader.Exists(Path.Combine(DataRoot.Resolve(root), Folder), train);
}
