using System.Diagnostics;
using NotebookKit.Models;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit train-classifier</c>: trains (or loads from the cache) the Fashion-MNIST classifier whose features the
/// Fréchet distance uses, and prints its test accuracy and the time taken.
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
        var net = FashionClassifier.LoadOrTrain(root, (ulong)seed, epochs, Console.Out);
        Console.WriteLine($"test accuracy {net.TestAccuracy:P2}, {sw.Elapsed.TotalSeconds:F1}s, cache {FashionClassifier.CachePath(root, (ulong)seed)}");
        return 0;
    }
}
