using NotebookKit.Tensors;

namespace NotebookKit.Data;

/// <summary>
/// Labelled greyscale images held as bytes, the analogue of PyTorch's <c>TensorDataset(images, labels)</c>
/// for MNIST-like data. Bytes take a quarter of the memory of floats (Fashion-MNIST: 47 MB instead of
/// 188 MB); <see cref="DataLoader"/> converts each batch to floats as it goes.
/// </summary>
/// <example>
/// <code>
/// var train = FashionMnist.Load(train: true);          // 60000 images
/// var small = train.Take(1000);                         // fast mode
/// var (image, label) = small[0];                        // (1, 28, 28), 9
/// Console.WriteLine(small.Classes[label]);              // Ankle boot
/// </code>
/// </example>
public sealed class ImageDataset
{
    internal readonly byte[] pixels;
    private readonly int[] labels;
    private Tensor? images;

    /// <summary>Wraps <paramref name="pixels"/> (N·H·W bytes, row-major) and N labels without copying.</summary>
    public ImageDataset(byte[] pixels, int[] labels, int height, int width, IReadOnlyList<string>? classes = null, string name = "images")
    {
        if (height <= 0 || width <= 0)
            throw new ArgumentException($"ImageDataset '{name}': the image size must be positive, got {height}×{width}.");
        if (pixels.Length != (long)labels.Length * height * width)
            throw new ArgumentException(
                $"ImageDataset '{name}': {labels.Length} labels need {(long)labels.Length * height * width} pixel bytes " +
                $"({labels.Length}×{height}×{width}), got {pixels.Length}.");
        this.pixels = pixels;
        this.labels = labels;
        Height = height;
        Width = width;
        Classes = classes ?? [];
        Name = name;
    }

    /// <summary>A short description for printing, e.g. "Fashion-MNIST train".</summary>
    public string Name { get; }

    /// <summary>Number of samples (PyTorch: <c>len(dataset)</c>).</summary>
    public int Count => labels.Length;

    public int Height { get; }

    public int Width { get; }

    /// <summary>Class names indexed by label, e.g. <c>Classes[9] == "Ankle boot"</c>; empty when unnamed.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The labels, one per image. The dataset's own array (not a copy): read it, don't change it.</summary>
    public int[] Labels => labels;

    /// <summary>The raw pixels 0..255, N·H·W bytes in row-major order, without copying.</summary>
    public ReadOnlySpan<byte> Pixels => pixels;

    /// <summary>
    /// All images as one float tensor <c>(N, 1, H, W)</c> in [0, 1], built on first use and then shared
    /// (building it again on every access would cost N·H·W·4 bytes each time). Use
    /// <c>Images.Flatten(1)</c> for <c>(N, H·W)</c>; use <see cref="ToTensor"/> for another scale.
    /// Shared, so never owned by a dispose scope, even when first used inside one.
    /// </summary>
    public Tensor Images => images ??= ToTensor(PixelScale.ZeroToOne).DetachFromDisposeScope();

    /// <summary>A new tensor <c>(N, 1, H, W)</c> of all images, scaled as asked (pooled inside a dispose scope).</summary>
    public Tensor ToTensor(PixelScale scale = PixelScale.ZeroToOne)
    {
        var x = Tensor.NewDataUninitialized(pixels.Length);
        Scale(pixels, x, scale);
        return Tensor.Owning([Count, 1, Height, Width], x, "ImageDataset.ToTensor");
    }

    /// <summary>Sample <paramref name="index"/>: the image <c>(1, H, W)</c> in [0, 1] and its label.</summary>
    public (Tensor Image, int Label) this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index), $"{Name}: index {index} is out of range for {Count} samples.");
            int size = Height * Width;
            var x = new float[size];
            Scale(pixels.AsSpan(index * size, size), x, PixelScale.ZeroToOne);
            return (Torch.FromArray(x, 1, Height, Width), labels[index]);
        }
    }

    /// <summary>The first <paramref name="n"/> samples (all of them if there are fewer), for quick runs.</summary>
    public ImageDataset Take(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"{Name}: Take({n}): n must be non-negative.");
        if (n >= Count) return this;
        return new ImageDataset(pixels.AsSpan(0, n * Height * Width).ToArray(), labels[..n], Height, Width, Classes, $"{Name} (first {n})");
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order (PyTorch: <c>Subset</c>).</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        int size = Height * Width;
        var p = new byte[indices.Count * size];
        var y = new int[indices.Count];
        for (int j = 0; j < indices.Count; j++)
        {
            int i = indices[j];
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"{Name}: Subset: index {i} is out of range for {Count} samples.");
            pixels.AsSpan(i * size, size).CopyTo(p.AsSpan(j * size));
            y[j] = labels[i];
        }
        return new ImageDataset(p, y, Height, Width, Classes, $"{Name} (subset of {indices.Count})");
    }

    public override string ToString() =>
        $"{Name}: {Count} images 1×{Height}×{Width}" + (Classes.Count > 0 ? $", {Classes.Count} classes" : "");

    // One table lookup per pixel: exact, and the same floats whichever way a batch is gathered.
    private static readonly float[] ZeroToOneTable = MakeTable(p => p / 255f);
    private static readonly float[] MinusOneToOneTable = MakeTable(p => p / 127.5f - 1f);

    private static float[] MakeTable(Func<int, float> f)
    {
        var t = new float[256];
        for (int p = 0; p < 256; p++) t[p] = f(p);
        return t;
    }

    // Fully optimised from the first call: tiered JIT would otherwise run this loop unoptimised for the
    // first epoch, several times slower than the rest.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Scale(ReadOnlySpan<byte> source, Span<float> destination, PixelScale scale)
    {
        var table = scale switch
        {
            PixelScale.ZeroToOne => ZeroToOneTable,
            PixelScale.MinusOneToOne => MinusOneToOneTable,
            _ => throw new ArgumentOutOfRangeException(nameof(scale), $"Unknown PixelScale {scale}."),
        };
        for (int i = 0; i < source.Length; i++) destination[i] = table[source[i]];
    }
}
