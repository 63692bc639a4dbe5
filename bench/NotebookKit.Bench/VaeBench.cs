using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Bench;

/// <summary>
/// `vae [--epochs 10] [--reference|--no-reference]`: the MLP VAE of shared/anchors/torch_vae.py trained with
/// NotebookKit and with PyTorch in the same run: samples/s per epoch, final test loss, peak RSS, and the ratios.
/// </summary>
internal static class VaeBench
{
    public static void Run(string[] args)
    {
        int epochs = BenchArgs.Int(args, "--epochs", 10), subset = BenchArgs.Int(args, "--subset", 0);
        bool reference = !args.Contains("--no-reference");

        (double Rate, double TestLoss, double RssMb)? torch = null;
        if (reference)
        {
            Console.WriteLine($"PyTorch reference: torch_vae.py {epochs}");
            var (lines, rss) = PythonReference.Run(Path.Combine(PythonReference.AnchorsDir(), "torch_vae.py"), epochs.ToString());
            var epochLines = lines.Select(l => Regex.Match(l, @"test ([\d.]+) .* (\d+) samples/s")).Where(m => m.Success).ToList();
            torch = (Median(epochLines.Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))),
                     double.Parse(epochLines[^1].Groups[1].Value, CultureInfo.InvariantCulture), rss);
        }

        Console.WriteLine($"NotebookKit: Vae(784, 400, 20), {epochs} epochs");
        var train = FashionMnist.Load(train: true);
        var test = FashionMnist.Load(train: false);
        if (subset > 0) { train = train.Take(subset); test = test.Take(subset); }
        var steady = SteadyStateAllocations(train);
        Torch.ManualSeed(1);
        var vae = new Vae(784, 400, 20);
        var opt = new Adam(vae.Parameters(), lr: 1e-3f);
        var loader = new DataLoader(train, batchSize: 128, shuffle: true, generator: new Generator(1));
        var rates = new List<double>();
        float testLoss = float.NaN;
        var gc = new AllocationMeter();
        for (int e = 1; e <= epochs; e++)
        {
            var sw = Stopwatch.StartNew();
            gc.Begin();
            float trainLoss = VaeTraining.TrainEpoch(vae, opt, loader);
            gc.End(loader.Count);
            double secs = sw.Elapsed.TotalSeconds;
            rates.Add(train.Count / secs);
            testLoss = VaeTraining.Evaluate(vae, test);
            Console.WriteLine($"  nbkit| epoch {e}: train {trainLoss:F2} test {testLoss:F2} time {secs:F2}s {train.Count / secs:F0} samples/s");
        }
        double rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        double rate = Median(rates);

        Console.WriteLine();
        Console.WriteLine("| MLP VAE (batch 128) | NotebookKit | PyTorch | ratio |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Row("samples/s (median epoch)", rate, torch?.Rate, "F0");
        Row($"test loss after {epochs} epochs (nats)", testLoss, torch?.TestLoss, "F2", difference: true);
        Row("peak RSS (MB)", rssMb, torch?.RssMb, "F0");
        steady.PrintBytesRow();
        gc.Report().PrintGcRows();
    }

    // A separate small run (its own seeds, so the comparison above is untouched): one epoch of 40 batches to warm up
    // (pools, optimizer state, JIT), then the bytes of a second epoch through the same VaeTraining.TrainEpoch.
    private static AllocationReport SteadyStateAllocations(ImageDataset train)
    {
        var data = train.Take(40 * 128);
        var vae = new Vae(784, 400, 20, new Generator(2));
        var opt = new Adam(vae.Parameters(), lr: 1e-3f);
        var loader = new DataLoader(data, batchSize: 128, shuffle: true, generator: new Generator(3));
        VaeTraining.TrainEpoch(vae, opt, loader);
        var meter = new AllocationMeter();
        meter.Begin();
        VaeTraining.TrainEpoch(vae, opt, loader);
        meter.End(loader.Count);
        return meter.Report();
    }

    private static void Row(string name, double ours, double? theirs, string fmt, bool difference = false)
    {
        string t = theirs?.ToString(fmt, CultureInfo.InvariantCulture) ?? "–";
        string r = theirs == null ? "–" : difference
            ? $"{ours - theirs.Value:+0.00;-0.00} nats"
            : $"{ours / theirs.Value:F2}×";
        Console.WriteLine($"| {name} | {ours.ToString(fmt, CultureInfo.InvariantCulture)} | {t} | {r} |");
    }

    private static double Median(IEnumerable<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
