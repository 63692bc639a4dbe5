using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.NN;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Bench;

/// <summary>
/// `gan [--epochs 1]` and `dcgan [--steps 200]`: the GANs of shared/anchors/torch_gan.py and torch_dcgan.py
/// (batch 64, Adam 2e-4 β = (0.5, 0.999), one D step + one G step) with NotebookKit and PyTorch in one run.
/// </summary>
internal static class GanBench
{
    public static void RunMlp(string[] args)
    {
        int epochs = BenchArgs.Int(args, "--epochs", 1);
        var torch = args.Contains("--no-reference") ? null : Reference("torch_gan.py", epochs.ToString(), @"(\d+) samples/s");
        var train = FashionMnist.Load(train: true);
        var (rate, rss, gc) = Train(MlpGan.Generator(), MlpGan.Discriminator(), train, flat: true,
            steps: BenchArgs.Int(args, "--steps", epochs * (train.Count / 64)), label: "MLP GAN");
        Table("MLP GAN (batch 64)", rate, rss, torch, gc);
    }

    public static void RunDcgan(string[] args)
    {
        int steps = BenchArgs.Int(args, "--steps", 200);
        var torch = args.Contains("--no-reference") ? null : Reference("torch_dcgan.py", steps.ToString(), @"(\d+) samples/s");
        var (rate, rss, gc) = Train(Dcgan.Generator(), Dcgan.Discriminator(), FashionMnist.Load(train: true), flat: false,
            steps: steps, label: "DCGAN");
        Table("DCGAN (batch 64)", rate, rss, torch, gc);
    }

    // Allocations are counted after the first tenth of the steps (at most 20): pools, optimizer state and JIT warm up there.
    private static (double Rate, double RssMb, AllocationReport Gc) Train(Sequential netG, Sequential netD, ImageDataset data, bool flat, int steps, string label)
    {
        Torch.ManualSeed(1);
        var optG = new Adam(netG.Parameters(), lr: 2e-4f, betas: (0.5f, 0.999f));
        var optD = new Adam(netD.Parameters(), lr: 2e-4f, betas: (0.5f, 0.999f));
        var loader = new DataLoader(data, batchSize: 64, shuffle: true, dropLast: true, generator: new Generator(1), scale: PixelScale.MinusOneToOne);
        var sw = Stopwatch.StartNew();
        int done = 0;
        GanStepResult? last = null;
        var gc = new AllocationMeter();
        int warmUp = Math.Min(20, steps / 10);
        if (warmUp == 0) gc.Begin();
        while (done < steps)
        {
            // Each batch is drawn inside its step's dispose scope, so its buffer is recycled with the step's (as
            // VaeTraining.TrainEpoch does); GanTraining.Step recycles everything it creates itself in any case.
            using var batches = loader.GetEnumerator();
            while (done < steps)
            {
                using var scope = Torch.NewDisposeScope();
                if (!batches.MoveNext()) break;
                var batch = batches.Current;
                last = GanTraining.Step(netG, netD, optG, optD, flat ? batch.X.Flatten(1) : batch.X, latentDim: 100);
                if (++done == warmUp) gc.Begin();
            }
        }
        gc.End(steps - warmUp);
        double secs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  nbkit| {label} {steps} steps: D {last!.LossD:F3} G {last.LossG:F3} time {secs:F2}s {steps * 64 / secs:F0} samples/s");
        return (steps * 64 / secs, Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), gc.Report());
    }

    private static (double Rate, double RssMb)? Reference(string script, string arg, string ratePattern)
    {
        Console.WriteLine($"PyTorch reference: {script} {arg}");
        var (lines, rss) = PythonReference.Run(Path.Combine(PythonReference.AnchorsDir(), script), arg);
        var rates = lines.Select(l => Regex.Match(l, ratePattern)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return (rates[^1], rss);
    }

    private static void Table(string name, double rate, double rss, (double Rate, double RssMb)? torch, AllocationReport gc)
    {
        Console.WriteLine();
        Console.WriteLine($"| {name} | NotebookKit | PyTorch | ratio |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| samples/s | {rate:F0} | {torch?.Rate.ToString("F0") ?? "–"} | {(torch == null ? "–" : $"{rate / torch.Value.Rate:F2}×")} |");
        Console.WriteLine($"| peak RSS (MB) | {rss:F0} | {torch?.RssMb.ToString("F0") ?? "–"} | {(torch == null ? "–" : $"{rss / torch.Value.RssMb:F2}×")} |");
        gc.PrintBytesRow();
        gc.PrintGcRows();
    }
}
