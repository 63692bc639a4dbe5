using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Bench;

/// <summary>
/// `sgemm [--sizes 512,1024,2048]`: torch.matmul of square float32 matrices through LibTorch, timed as
/// shared/anchors/sgemm.py times PyTorch (one warm-up product, then the mean of 5): GFLOPS = 2·n³ / time.
/// </summary>
internal static class SgemmBench
{
    public static IEnumerable<BenchResult> Run(string[] args)
    {
        var sizes = (BenchArgs.String(args, "--sizes") ?? "512,1024,2048").Split(',').Select(int.Parse);
        foreach (int n in sizes)
        {
            using var scope = NewDisposeScope();
            var a = rand(n, n);
            var b = rand(n, n);
            matmul(a, b).Dispose();
            const int repeats = 5;
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < repeats; r++) matmul(a, b).Dispose();
            double gflops = 2.0 * n * n * n / (sw.Elapsed.TotalSeconds / repeats) / 1e9;
            Console.WriteLine($"  TorchSharp sgemm n={n}: {gflops:F1} GFLOPS");
            yield return new BenchResult($"sgemm{n}", "library", gflops, null, Measure.PeakRssMb());
        }
    }
}
