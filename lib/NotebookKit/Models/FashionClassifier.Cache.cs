using System.Diagnostics;
using System.Text.Json;
using NotebookKit.Data;
using NotebookKit.Interactive;
using NotebookKit.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NotebookKit.Models;

// Training once and caching the weights: every notebook that needs the judge loads it in a second.
public sealed partial class FashionClassifier
{
    private static readonly object CacheLock = new();

    /// <summary>The cache's file name without extension: <c>fashion-classifier-torch-seed{seed}</c>
    /// (<c>.safetensors</c> for the weights, <c>.json</c> for seed, epochs and test accuracy).</summary>
    public static string CacheName(long seed = 0) => $"fashion-classifier-torch-seed{seed}";

    /// <summary>
    /// The course's judge, in eval mode: loaded from <c>{data root}/models/fashion-classifier-torch-seed{seed}.safetensors</c>
    /// if its .json says it was trained for <paramref name="epochs"/> epochs from <paramref name="seed"/>; otherwise
    /// trained on Fashion-MNIST (batch 128, shuffled with seed + 1; a few minutes on two cores), measured on the test
    /// set and saved there atomically for next time. <see cref="TestAccuracy"/> is set either way.
    /// </summary>
    public static FashionClassifier LoadOrTrain(string? root = null, long seed = 0, int epochs = 4, int batchSize = 128,
        TextWriter? log = null, Device? device = null) =>
        LoadOrTrain(Path.Combine(DataRoot.Resolve(root), "models"),
            () => new DataLoader(FashionMnist.Load(train: true, root: root), batchSize, shuffle: true, seed: seed + 1),
            () => new DataLoader(FashionMnist.Load(train: false, root: root), 1000),
            seed, epochs, log: log, device: device);

    /// <summary>
    /// Loads <c>{modelsDirectory}/fashion-classifier-torch-seed{seed}.safetensors</c> when its .json matches
    /// <paramref name="seed"/> and <paramref name="epochs"/>; otherwise trains with <see cref="TrainNew"/> on
    /// <paramref name="trainBatches"/>, measures accuracy on <paramref name="testBatches"/> and writes both files
    /// atomically (temp file + File.Move: another process sees the old file, the new one, or none — never half of one;
    /// the .json is written last, so it vouches for the weights beside it). The data are only asked for when training.
    /// </summary>
    public static FashionClassifier LoadOrTrain(string modelsDirectory,
        Func<IEnumerable<(Tensor X, Tensor y)>> trainBatches, Func<IEnumerable<(Tensor X, Tensor y)>> testBatches,
        long seed = 0, int epochs = 4, double lr = 1e-3, TextWriter? log = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(trainBatches);
        ArgumentNullException.ThrowIfNull(testBatches);
        string weights = Path.Combine(modelsDirectory, CacheName(seed) + ".safetensors");
        string info = Path.ChangeExtension(weights, ".json");
        lock (CacheLock)
        {
            var cached = TryLoad(weights, info, seed, epochs, log, device);
            if (cached != null) return cached;
            var net = TrainNew(trainBatches(), seed, epochs, lr, log, device);
            net.TestAccuracy = ClassifierTraining.Accuracy(net, testBatches());
            Directory.CreateDirectory(modelsDirectory);
            string temp = $"{weights}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            net.save_safetensors(temp);
            File.Move(temp, weights, overwrite: true);
            AtomicFile.WriteAllText(info, JsonSerializer.Serialize(
                new CacheInfo(nameof(FashionClassifier), seed, epochs, net.TestAccuracy.Value), JsonOptions));
            log?.WriteLine($"FashionClassifier: test accuracy {net.TestAccuracy:P2}; weights saved to {weights}");
            return net;
        }
    }

    /// <summary>
    /// A classifier trained from <paramref name="seed"/> (which fixes the initial weights) for <paramref name="epochs"/>
    /// passes over <paramref name="trainBatches"/>: Adam(lr, beta1 0.9, beta2 0.999), the learning rate halved after
    /// every epoch (about +1 % test accuracy over a constant rate). Returned in eval mode.
    /// </summary>
    public static FashionClassifier TrainNew(IEnumerable<(Tensor X, Tensor y)> trainBatches, long seed = 0, int epochs = 4,
        double lr = 1e-3, TextWriter? log = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(trainBatches);
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), $"FashionClassifier.TrainNew: epochs must be at least 1, got {epochs}.");
        var net = new FashionClassifier(seed);
        if (device != null) net.to(device);
        var optimizer = optim.Adam(net.parameters(), lr: lr, beta1: 0.9, beta2: 0.999);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            float loss = ClassifierTraining.Epoch(net, optimizer, trainBatches);
            scheduler.step();
            log?.WriteLine($"FashionClassifier epoch {epoch}/{epochs}: train loss {loss:F4} ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        net.eval();
        return net;
    }

    // The cached classifier, or null when the files are missing, describe another run, or cannot be read.
    private static FashionClassifier? TryLoad(string weights, string info, long seed, int epochs, TextWriter? log, Device? device)
    {
        if (!File.Exists(info) || !File.Exists(weights)) return null;
        try
        {
            var meta = JsonSerializer.Deserialize<CacheInfo>(File.ReadAllText(info), JsonOptions);
            if (meta is null || meta.Seed != seed || meta.Epochs != epochs)
            {
                log?.WriteLine($"FashionClassifier: {info} describes another run (seed {meta?.Seed}, {meta?.Epochs} epochs); retraining.");
                return null;
            }
            var net = new FashionClassifier();
            net.load_safetensors(weights);
            if (device != null) net.to(device);
            net.eval();
            net.TestAccuracy = meta.TestAccuracy;
            log?.WriteLine($"FashionClassifier: loaded {weights} (test accuracy {meta.TestAccuracy:P2})");
            return net;
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or InvalidOperationException)
        {
            log?.WriteLine($"FashionClassifier: could not read {weights} ({e.Message}); retraining.");
            return null;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record CacheInfo(string Model, long Seed, int Epochs, double TestAccuracy);
}
