using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Data;

/// <summary>
/// Labelled greyscale images, the whole set resident as two tensors — PyTorch's <c>TensorDataset(X, y)</c>:
/// <c>X</c> <c>(N, 1, H, W)</c> float32 in [0, 1] and <c>y</c> <c>(N)</c> int64. One tensor instead of one per
/// sample lets <see cref="DataLoader"/> cut a batch with a single <c>narrow</c> or <c>index_select</c>;
/// Fashion-MNIST's 60,000 images take 188 MB.
/// </summary>
/// <remarks>
/// The dataset owns its two tensors: they are detached from any dispose scope (a dataset outlives training
/// steps) and freed by <see cref="Dispose"/>. <see cref="Take"/> returns views of the same storage; LibTorch
/// counts references to storage, so disposing one dataset never frees another's data.
/// </remarks>
/// <example><code>
/// var train = FashionMnist.Load(train: true);       // X (60000, 1, 28, 28), y (60000)
/// var small = train.Take(1000);                      // fast mode
/// var (image, label) = small[0];                     // (1, 28, 28), 9
/// Console.WriteLine(small.Classes[label]);           // Ankle boot
/// </code></example>
public sealed class ImageDataset : IDisposable
{
    /// <summary>Wraps images <paramref name="X"/> <c>(N, 1, H, W)</c> float32 in [0, 1] and labels <paramref name="y"/> <c>(N)</c> int64.</summary>
    /// <param name="X">The images; the dataset takes ownership.</param>
    /// <param name="y">The labels, one per image, each a valid index into <paramref name="classes"/> when classes are given.</param>
    /// <param name="classes">Class names indexed by label, e.g. <see cref="FashionMnist.Classes"/>.</param>
    /// <param name="name">A short description for printing, e.g. "Fashion-MNIST train".</param>
    public ImageDataset(Tensor X, Tensor y, IReadOnlyList<string>? classes = null, string name = "images")
        : this(X, y, classes ?? [], name, validate: true) { }

    private ImageDataset(Tensor X, Tensor y, IReadOnlyList<string> classes, string name, bool validate)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        if (validate) Validate(X, y, classes, name);
        this.X = X.DetachFromDisposeScope();
        this.y = y.DetachFromDisposeScope();
        Classes = classes;
        Name = name;
    }

    /// <summary>All images, <c>(N, 1, H, W)</c> float32 in [0, 1]. Shared: read it, don't change it in place.</summary>
    public Tensor X { get; }

    /// <summary>All labels, <c>(N)</c> int64, in the same order as the rows of <see cref="X"/>.</summary>
    public Tensor y { get; }

    /// <summary>A short description for printing, e.g. "Fashion-MNIST train".</summary>
    public string Name { get; }

    /// <summary>Number of samples (PyTorch: <c>len(dataset)</c>).</summary>
    public int Count => (int)X.shape[0];

    /// <summary>Image height in pixels (28 for MNIST-style data).</summary>
    public int Height => (int)X.shape[2];

    /// <summary>Image width in pixels.</summary>
    public int Width => (int)X.shape[3];

    /// <summary>Class names indexed by label, e.g. <c>Classes[9] == "Ankle boot"</c>; empty when unnamed.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Sample <paramref name="index"/>: the image <c>(1, H, W)</c> (a view, in the caller's dispose scope) and its label.</summary>
    public (Tensor Image, int Label) this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index), $"{Name}: index {index} is out of range for {Count} samples.");
            return (X[index], (int)y[index].item<long>());
        }
    }

    /// <summary>The first <paramref name="n"/> samples (all of them if there are fewer), for quick runs; views, no copy.</summary>
    public ImageDataset Take(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"{Name}: Take({n}): n must be non-negative.");
        int k = Math.Min(n, Count);
        var name = k == Count ? Name : $"{Name} (first {k})";
        return new ImageDataset(X.narrow(0, 0, k), y.narrow(0, 0, k), Classes, name, validate: false);
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order (PyTorch: <c>Subset</c>); copies them.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var idx = new long[indices.Count];
        for (int j = 0; j < idx.Length; j++)
        {
            int i = indices[j];
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices),
                    $"{Name}: Subset: index {i} (position {j}) is out of range for {Count} samples.");
            idx[j] = i;
        }
        using var scope = NewDisposeScope();
        var t = tensor(idx, ScalarType.Int64);
        return new ImageDataset(X.index_select(0, t), y.index_select(0, t), Classes,
            $"{Name} (subset of {idx.Length})", validate: false);
    }

    /// <summary>Frees the two tensors (views taken by <see cref="Take"/> keep their storage alive).</summary>
    public void Dispose()
    {
        X.Dispose();
        y.Dispose();
    }

    /// <summary>E.g. <c>Fashion-MNIST train: 60000 images, X (60000, 1, 28, 28) float32, y (60000) int64, 10 classes: T-shirt/top, …</c>.</summary>
    public override string ToString()
    {
        var text = $"{Name}: {Count} images, X ({string.Join(", ", X.shape)}) float32, y ({Count}) int64";
        return Classes.Count == 0 ? text : $"{text}, {Classes.Count} classes: {string.Join(", ", Classes)}";
    }

    // Checked once when a dataset is built from outside; Take and Subset reuse tensors already checked.
    private static void Validate(Tensor X, Tensor y, IReadOnlyList<string> classes, string name)
    {
        if (X.dim() != 4 || X.shape[1] != 1)
            throw new ArgumentException(
                $"ImageDataset '{name}': X must be (N, 1, H, W), got ({string.Join(", ", X.shape)}). " +
                "Use X.unsqueeze(1) for (N, H, W) or X.view(-1, 1, 28, 28) for (N, 784).", nameof(X));
        if (X.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"ImageDataset '{name}': X must be float32 in [0, 1], got {X.dtype}. Use X.to(float32).div(255) for bytes.", nameof(X));
        if (y.dim() != 1 || y.shape[0] != X.shape[0])
            throw new ArgumentException(
                $"ImageDataset '{name}': y must be (N) = ({X.shape[0]}) to match X, got ({string.Join(", ", y.shape)}).", nameof(y));
        if (y.dtype != ScalarType.Int64)
            throw new ArgumentException($"ImageDataset '{name}': y must be int64 (class indices), got {y.dtype}. Use y.to(int64).", nameof(y));
        if (X.shape[0] == 0) return;
        using var scope = NewDisposeScope();
        double lo = X.min().item<float>(), hi = X.max().item<float>();
        if (lo < 0 || hi > 1)
            throw new ArgumentException(
                $"ImageDataset '{name}': X must lie in [0, 1], got [{lo}, {hi}]. Scale bytes with X.div(255); " +
                "for [-1, 1] batches pass scale: PixelScale.MinusOneToOne to the DataLoader instead.", nameof(X));
        long ymin = y.min().item<long>(), ymax = y.max().item<long>();
        if (ymin < 0 || (classes.Count > 0 && ymax >= classes.Count))
            throw new ArgumentException(
                $"ImageDataset '{name}': labels must be class indices 0..{(classes.Count > 0 ? classes.Count - 1 : "K-1")}, " +
                $"got {ymin}..{ymax}.", nameof(y));
    }
}
