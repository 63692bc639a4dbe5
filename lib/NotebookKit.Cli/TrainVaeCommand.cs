using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit train-vae</c>: trains the MLP VAE of shared/anchors/torch_vae.py (784-400-20, batch 128,
/// Adam 1e-3 with PyTorch's betas, BCE-sum + KL) on Fashion-MNIST and prints per-epoch train/test negative ELBO (nats per sample).
/// </summary>
internal static class TrainVaeCommand
{
    public static int Run(Options o)
    {
        int epochs = o.Int("epochs", 1), batchSize = o.Int("batch-size", 128), subset = o.Int("subset", 0);
        int seed = o.Int("seed", 1);
        string? save = o.String("save");
        o.CheckAllUsed();
        if (batchSize == 0) throw new ArgumentException("--batch-size must be at least 1.");

        var train = FashionMnist.Load(train: true);
        var test = FashionMnist.Load(train: false);
        if (subset > 0) { train = train.Take(Math.Min(subset, train.Count)); test = test.Take(Math.Min(subset, test.Count)); }

        var vae = new Vae(784, 400, 20, seed: seed);
        var optimizer = optim.Adam(vae.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999);
        var trainLoader = new DataLoader(train, batchSize, shuffle: true, seed: seed);
        var testLoader = new DataLoader(test, 1000);
        long parameters = vae.parameters().Sum(p => p.numel());
        Console.WriteLine($"MLP VAE 784-400-20 ({parameters:N0} parameters) on Fashion-MNIST: " +
                          $"{train.Count} train / {test.Count} test images, batch {batchSize}, Adam 1e-3, seed {seed}, " +
                          $"{torch.get_num_threads()} threads");
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            var trainTerms = VaeTraining.Epoch(vae, optimizer, trainLoader, epoch: epoch);
            double secs = sw.Elapsed.TotalSeconds;
            var testTerms = VaeTraining.Evaluate(vae, testLoader);
            Console.WriteLine($"epoch {epoch}: train {trainTerms["loss"]:F2} test {testTerms["loss"]:F2} nats/sample  " +
                              $"time {secs:F2}s  {train.Count / secs:F0} samples/s");
        }
        if (save != null) Console.WriteLine($"weights saved to {Checkpoint.Save(vae, save)}");
        return 0;
    }
}
