using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Bench;

/// <summary>
/// `vae --loop library|bare [--epochs 3] [--subset N] [--unfused] [--inference-mode]`: the MLP VAE of
/// shared/anchors/torch_vae.py (batch 128, Adam 1e-3, β₂ 0.999) on Fashion-MNIST. samples/s is the median over
/// epochs of the training pass alone; the test loss (nats per sample) is that after the last epoch, in batches of 1000.
/// </summary>
internal static class VaeBench
{
    public static BenchResult Run(string[] args)
    {
        int epochs = BenchArgs.Int(args, "--epochs", 3), subset = BenchArgs.Int(args, "--subset", 0);
        string loop = BenchArgs.String(args, "--loop") ?? "library";
        using var train = Load(true, subset);
        using var test = Load(false, subset);
        torch.manual_seed(1);
        var (rates, testLoss) = loop switch
        {
            "library" => Library(train, test, epochs),
            "bare" => Bare(train, test, epochs, fused: !BenchArgs.Flag(args, "--unfused"), BenchArgs.Flag(args, "--inference-mode")),
            _ => throw new ArgumentException($"bench vae: --loop is 'library' or 'bare', got '{loop}'."),
        };
        return new BenchResult("vae", loop, Measure.Median(rates), testLoss, Measure.PeakRssMb());
    }

    private static ImageDataset Load(bool train, int subset)
    {
        var data = FashionMnist.Load(train);
        if (subset <= 0) return data;
        var part = data.Take(subset);
        data.Dispose();
        return part;
    }

    // NotebookKit: the Vae model, VaeTraining.Epoch / Evaluate over DataLoaders.
    private static (List<double>, double) Library(ImageDataset train, ImageDataset test, int epochs)
    {
        var vae = new Vae(784, 400, 20, seed: 1);
        var optimizer = optim.Adam(vae.parameters(), lr: 1e-3, beta2: 0.999);
        var trainLoader = new DataLoader(train, batchSize: 128, shuffle: true, seed: 1);
        var testLoader = new DataLoader(test, batchSize: 1000);
        var rates = new List<double>();
        double testLoss = double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            double trainLoss = VaeTraining.Epoch(vae, optimizer, trainLoader, epoch: epoch)["loss"];
            rates.Add(train.Count / sw.Elapsed.TotalSeconds);
            testLoss = VaeTraining.Evaluate(vae, testLoader)["loss"];
            Report("library", epoch, trainLoss, testLoss, rates[^1]);
        }
        return (rates, testLoss);
    }

    // Plain TorchSharp: one (N, 784) tensor, a randperm per epoch, index_select per batch, a dispose scope per step.
    private static (List<double>, double) Bare(ImageDataset train, ImageDataset test, int epochs, bool fused, bool inferenceMode)
    {
        using var xtr = train.X.reshape(-1, 784);
        using var xte = test.X.reshape(-1, 784);
        long n = xtr.shape[0];
        var model = new BareVae();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, beta2: 0.999);
        var rates = new List<double>();
        double testLoss = double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            model.train();
            double total = 0;
            using var perm = randperm(n);
            for (long i = 0; i < n; i += 128)
            {
                using var scope = NewDisposeScope();
                var x = xtr.index_select(0, perm.narrow(0, i, Math.Min(128, n - i)));
                optimizer.zero_grad();
                var (logits, mu, logvar) = model.forward(x);
                var loss = BareVae.Loss(logits, x, mu, logvar, fused);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            rates.Add(n / sw.Elapsed.TotalSeconds);
            testLoss = Test(model, xte, fused, inferenceMode);
            Report("bare", epoch, total / n, testLoss, rates[^1]);
        }
        return (rates, testLoss);
    }

    private static double Test(BareVae model, Tensor xte, bool fused, bool inferenceMode)
    {
        model.eval();
        using IDisposable guard = inferenceMode ? inference_mode() : no_grad();
        double total = 0;
        long n = xte.shape[0];
        for (long i = 0; i < n; i += 1000)
        {
            using var scope = NewDisposeScope();
            var x = xte.narrow(0, i, Math.Min(1000, n - i));
            var (logits, mu, logvar) = model.forward(x);
            total += BareVae.Loss(logits, x, mu, logvar, fused).item<float>();
        }
        return total / n;
    }

    private static void Report(string loop, int epoch, double train, double test, double rate) =>
        Console.WriteLine($"  {loop}| epoch {epoch}: train {train:F2} test {test:F2} {rate:F0} samples/s");
}
