using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit train-vae</c>: trains the MLP VAE of shared/anchors/torch_vae.py (784-400-20, batch 128,
/// Adam 1e-3, BCE-sum + KL) on Fashion-MNIST and prints per-epoch train/test negative ELBO (nats per sample).
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

        Torch.ManualSeed((ulong)seed);
        var vae = new Vae(784, 400, 20);
        var opt = new Adam(vae.Parameters(), lr: 1e-3f);
        var loader = new DataLoader(train, batchSize: batchSize, shuffle: true, generator: new Generator((ulong)seed));
        Console.WriteLine($"MLP VAE 784-400-20 ({vae.ParameterCount():N0} parameters) on Fashion-MNIST: " +
                          $"{train.Count} train / {test.Count} test images, batch {batchSize}, Adam 1e-3, seed {seed}");
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            float trainLoss = VaeTraining.TrainEpoch(vae, opt, loader);
            double secs = sw.Elapsed.TotalSeconds;
            float testLoss = VaeTraining.Evaluate(vae, test);
            Console.WriteLine($"epoch {epoch}: train {trainLoss:F2} test {testLoss:F2} nats/sample  " +
                              $"time {secs:F2}s  {train.Count / secs:F0} samples/s");
        }
        if (save != null)
        {
            SafeTensors.Save(save, vae.StateDict(), new Dictionary<string, string> { ["model"] = "Vae(784, 400, 20)" });
            Console.WriteLine($"weights saved to {save} (safetensors)");
        }
        return 0;
    }
}
