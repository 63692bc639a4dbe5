using System.Diagnostics;
using NotebookKit.Models;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit train-classifier</c>: trains (or loads from the cache) the Fashion-MNIST classifier whose features the
/// Fréchet distance uses and which judges conditional samples, and prints its test accuracy and the time taken.
/// The set-up runs it once, so notebooks and concurrent test processes load it instead of training it side by side.
/// </summary>
internal static class TrainClassifierCommand
{
    public static int Run(Options o)
    {
        int epochs = o.Int("epochs", 4), seed = o.Int("seed", 0);
        string? root = o.String("root");
        o.CheckAllUsed();
        if (epochs == 0) throw new ArgumentException("--epochs must be at least 1.");
        var sw = Stopwatch.StartNew();
        var net = FashionClassifier.LoadOrTrain(root, seed, epochs, log: Console.Out);
        string cache = Path.Combine(Data.DataRoot.Resolve(root), "models", FashionClassifier.CacheName(seed) + ".safetensors");
        Console.WriteLine($"test accuracy {net.TestAccuracy:P2}, {sw.Elapsed.TotalSeconds:F1}s, cache {cache}");
        return 0;
    }
}
