using System.Diagnostics;
using System.Globalization;
using NotebookKit.Data;
using NotebookKit.Display;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Bench;

/// <summary>
/// The two PNG encoders the image grids could use, on the course's real grids of Fashion-MNIST test images:
/// torchvision's <c>SkiaImager</c> (SkiaSharp's libpng) and NotebookKit's <see cref="PngWriter"/> (adaptive
/// filters + .NET's zlib). <c>png</c> reports, per grid and encoder, the median encode time over <c>--runs</c> (after 3 warm-ups) and
/// the PNG's bytes; <c>png-first --encoder skia|writer</c> times the first grid of a fresh process (JIT and, for
/// Skia, loading libSkiaSharp included), started several times for a median (bench/README.md, "PNG encoders").
/// </summary>
internal static class PngBench
{
    /// <summary>The grids the notebooks show: (name, images, nrow, padding, scale, RGB).</summary>
    private static readonly (string Name, int Count, int Nrow, int Padding, int Scale, bool Rgb)[] Grids =
    [
        ("10x10 s2", 100, 10, 2, 2, false),        // 05's G(zFixed) grids, 10 per row
        ("8x16 s2", 128, 16, 2, 2, false),         // 8 rows of 16 (03's samples, 16 per row)
        ("15x15 s1 p0", 225, 15, 0, 1, false),     // 02's Manifold(n: 15, scale: 1)
        ("10x10 s2 RGB", 100, 10, 2, 2, true),     // no notebook shows RGB: the grey images tinted
    ];

    private static readonly Dictionary<string, Func<Tensor, byte[]>> Encoders = new()
    {
        ["skia"] = bytes => new torchvision.io.SkiaImager().EncodeImage(bytes, torchvision.ImageFormat.Png),
        ["writer"] = PngWriter.Encode,
    };

    public static void Run(string[] args)
    {
        int runs = BenchArgs.Int(args, "--runs", 50);
        using var test = FashionMnist.Load(train: false);
        Console.WriteLine($"# PNG encoders, median of {runs} runs after 3 warm-ups; Fashion-MNIST test images, {DateTime.UtcNow:u}");
        Console.WriteLine("| grid | px | skia ms | writer ms | skia bytes | writer bytes |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var g in Grids)
        {
            using var scope = torch.NewDisposeScope();
            var pixels = Pixels(test, g);
            var times = new Dictionary<string, double>();
            var sizes = new Dictionary<string, int>();
            foreach (var (name, encode) in Encoders)
            {
                for (int i = 0; i < 3; i++) encode(pixels);
                var ms = new List<double>();
                for (int i = 0; i < runs; i++)
                {
                    var sw = Stopwatch.StartNew();
                    sizes[name] = encode(pixels).Length;
                    ms.Add(sw.Elapsed.TotalMilliseconds);
                }
                times[name] = Measure.Median(ms);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Name} | {pixels.shape[2]}×{pixels.shape[1]} | {times["skia"]:F2} | {times["writer"]:F2} | {sizes["skia"]:N0} | {sizes["writer"]:N0} |"));
        }
    }

    /// <summary>Encodes the first grid of this process once and prints its time: run in a fresh process.</summary>
    public static void First(string[] args)
    {
        var name = BenchArgs.String(args, "--encoder") ?? throw new ArgumentException("png-first: give --encoder skia or --encoder writer.");
        if (!Encoders.TryGetValue(name, out var encode)) throw new ArgumentException($"png-first: unknown encoder '{name}'; use skia or writer.");
        using var test = FashionMnist.Load(train: false);
        using var scope = torch.NewDisposeScope();
        var pixels = Pixels(test, Grids[0]);
        var sw = Stopwatch.StartNew();
        int length = encode(pixels).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first {name} {sw.Elapsed.TotalMilliseconds:F1} ms {length} bytes"));
    }

    private static Tensor Pixels(ImageDataset test, (string Name, int Count, int Nrow, int Padding, int Scale, bool Rgb) g)
    {
        var images = test.X.narrow(0, 0, g.Count);                                       // (N, 1, 28, 28) in [0, 1]
        if (g.Rgb) images = images * torch.tensor(new[] { 1f, 0.7f, 0.4f }).reshape(1, 3, 1, 1);   // tinted, 3 channels
        return ImageGrid.GridBytes(images, g.Nrow, g.Padding, g.Scale);
    }
}
