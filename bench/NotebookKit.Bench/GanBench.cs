using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using Sequential = TorchSharp.Modules.Sequential;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Bench;

/// <summary>
/// `gan --loop library|bare [--epochs 1] [--subset N] [--window 100]` and `dcgan --loop library|bare [--steps 200]
/// [--window 20]`: the GANs of shared/anchors/torch_gan.py and torch_dcgan.py (batch 64, Adam 2e-4 β = (0.5, 0.999),
/// one D step then one G step, BCE with logits). samples/s is the median over windows of consecutive steps.
/// </summary>
internal static class GanBench
{
    private const int B = 64, LatentDim = 100;

    public static BenchResult RunMlp(string[] args)
    {
        int epochs = BenchArgs.Int(args, "--epochs", 1), window = BenchArgs.Int(args, "--window", 100);
        string loop = BenchArgs.String(args, "--loop") ?? "library";
        using var train = Load(BenchArgs.Int(args, "--subset", 0));
        torch.manual_seed(1);
        var ends = loop switch
        {
            "library" => Library(MlpGan.Generator(seed: 1), MlpGan.Discriminator(seed: 2), train, epochs * (train.Count / B)),
            "bare" => Bare(MlpG(), MlpD(), train.X.reshape(-1, 784), epochs * (train.Count / B), sameOrder: false),
            _ => throw new ArgumentException($"bench gan: --loop is 'library' or 'bare', got '{loop}'."),
        };
        return Result("gan", loop, ends, window);
    }

    public static BenchResult RunDcgan(string[] args)
    {
        int steps = BenchArgs.Int(args, "--steps", 200), window = BenchArgs.Int(args, "--window", 20);
        string loop = BenchArgs.String(args, "--loop") ?? "library";
        using var train = Load(BenchArgs.Int(args, "--subset", 0));
        torch.manual_seed(1);
        var ends = loop switch
        {
            "library" => Library(Dcgan.Generator(seed: 1), Dcgan.Discriminator(seed: 2), train, steps),
            "bare" => Bare(DcganG(), DcganD(), train.X, steps, sameOrder: true),
            _ => throw new ArgumentException($"bench dcgan: --loop is 'library' or 'bare', got '{loop}'."),
        };
        return Result("dcgan", loop, ends, window);
    }

    private static ImageDataset Load(int subset)
    {
        var data = FashionMnist.Load(train: true);
        if (subset <= 0) return data;
        var part = data.Take(subset);
        data.Dispose();
        return part;
    }

    private static BenchResult Result(string model, string loop, List<double> ends, int window)
    {
        var rates = Measure.WindowRates(ends, Math.Min(window, ends.Count), B);
        Console.WriteLine($"  {loop}| {model} {ends.Count} steps in {ends[^1]:F2}s, windows of {Math.Min(window, ends.Count)} steps: " +
            string.Join(' ', rates.Select(r => r.ToString("F0"))) + " samples/s");
        return new BenchResult(model, loop, Measure.Median(rates), null, Measure.PeakRssMb());
    }

    // NotebookKit: DataLoader in [−1, 1] and GanTraining.Epoch (whole epochs) or GanTraining.Step (a step budget).
    private static List<double> Library(Sequential netG, Sequential netD, ImageDataset train, int steps)
    {
        var optG = optim.Adam(netG.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(netD.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var trainLoader = new DataLoader(train, batchSize: B, shuffle: true, dropLast: true, seed: 1, scale: PixelScale.MinusOneToOne);
        var ends = new List<double>();
        var sw = Stopwatch.StartNew();
        while (steps - ends.Count >= trainLoader.Count)   // whole epochs
            GanTraining.Epoch(netG, netD, optG, optD, trainLoader, LatentDim, onStep: _ => ends.Add(sw.Elapsed.TotalSeconds));
        netG.train(); netD.train();
        using var batches = trainLoader.GetEnumerator();
        while (ends.Count < steps)                           // the rest: one step at a time
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            GanTraining.Step(netG, netD, optG, optD, batches.Current.X, LatentDim);
            ends.Add(sw.Elapsed.TotalSeconds);
        }
        return ends;
    }

    // Plain TorchSharp as the anchors: the data as one tensor in [−1, 1], index_select of a randperm per batch
    // (a new permutation per epoch, or one for the whole run with the DCGAN anchor's (s·B) mod (N − B) offsets).
    private static List<double> Bare(Sequential netG, Sequential netD, Tensor images, int steps, bool sameOrder)
    {
        using var xtr = images * 2 - 1;
        long n = xtr.shape[0];
        var optG = optim.Adam(netG.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(netD.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var ends = new List<double>();
        var sw = Stopwatch.StartNew();
        Tensor perm = randperm(n);
        for (int s = 0; s < steps; s++)
        {
            long i = sameOrder ? s * B % (n - B) : s * B % (n / B * B);
            if (!sameOrder && i == 0 && s > 0) { perm.Dispose(); perm = randperm(n); }
            using var scope = NewDisposeScope();
            var real = xtr.index_select(0, perm.narrow(0, i, B));
            var fake = netG.call(randn(B, LatentDim));

            optD.zero_grad();
            var lossD = Bce(netD.call(real), ones(B, 1)) + Bce(netD.call(fake.detach()), zeros(B, 1));
            lossD.backward();
            optD.step();

            optG.zero_grad();
            var lossG = Bce(netD.call(fake), ones(B, 1));
            lossG.backward();
            optG.step();
            ends.Add(sw.Elapsed.TotalSeconds);
        }
        perm.Dispose();
        return ends;
    }

    private static Tensor Bce(Tensor logits, Tensor target) => functional.binary_cross_entropy_with_logits(logits, target);

    private static Sequential MlpG() => Sequential(Linear(LatentDim, 128), ReLU(), Linear(128, 256), ReLU(),
        Linear(256, 512), ReLU(), Linear(512, 784), Tanh());

    private static Sequential MlpD() => Sequential(Linear(784, 512), LeakyReLU(0.2), Linear(512, 256), LeakyReLU(0.2),
        Linear(256, 128), LeakyReLU(0.2), Linear(128, 1));

    private static Sequential DcganG() => Sequential(Linear(LatentDim, 128 * 7 * 7), Unflatten(1, [128, 7, 7]),
        BatchNorm2d(128), ReLU(), ConvTranspose2d(128, 64, 4, stride: 2, padding: 1), BatchNorm2d(64), ReLU(),
        ConvTranspose2d(64, 1, 4, stride: 2, padding: 1), Tanh());

    private static Sequential DcganD() => Sequential(Conv2d(1, 64, 4, stride: 2, padding: 1), LeakyReLU(0.2),
        Conv2d(64, 128, 4, stride: 2, padding: 1), BatchNorm2d(128), LeakyReLU(0.2), Flatten(), Linear(128 * 7 * 7, 1));
}
