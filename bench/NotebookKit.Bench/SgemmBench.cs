using System.Diagnostics;
using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Bench;

/// <summary>
/// SGEMM throughput, 2·m·n·k / time, for square sizes and the MLP-VAE / GAN training shapes. Same shapes,
/// names and method as bench/sgemm_numpy.py so the two outputs line up: after a warm-up, each of 7 samples
/// times a batch of calls lasting ≥ 30 ms; prints the median and best sample.
/// Output: <c>impl shape median_gflops best_gflops</c>, shape = op(A)op(B)_m×n×k (N = as stored, T = transposed).
/// Args: optional thread count (default Gemm.MaxThreads).
/// </summary>
internal static class SgemmBench
{
    public static readonly (bool TA, bool TB, int M, int N, int K, string Role)[] Shapes =
    [
        (false, false, 512, 512, 512, "square"),
        (false, false, 1024, 1024, 1024, "square"),
        (false, false, 2048, 2048, 2048, "square"),
        (false, true, 128, 400, 784, "vae enc fwd x·Wᵀ"),
        (false, false, 128, 784, 400, "vae enc dx = g·W"),
        (true, false, 400, 784, 128, "vae enc dW = gᵀ·x"),
        (false, true, 128, 784, 400, "vae dec fwd"),
        (false, false, 128, 400, 784, "vae dec dx"),
        (true, false, 784, 400, 128, "vae dec dW"),
        (false, true, 64, 512, 256, "gan G fwd 256→512"),
        (false, true, 64, 784, 512, "gan G fwd 512→784"),
        (false, false, 64, 512, 784, "gan G dx 512→784"),
        (true, false, 784, 512, 64, "gan G dW 512→784"),
    ];

    public static void Run(string[] args)
    {
        if (args.Length > 0) Gemm.MaxThreads = int.Parse(args[0]);
        if (Environment.GetEnvironmentVariable("SGEMM_KC") is { } kc) Gemm.KC = int.Parse(kc);
        if (Environment.GetEnvironmentVariable("SGEMM_MC") is { } mc) Gemm.MC = int.Parse(mc);
        if (Environment.GetEnvironmentVariable("SGEMM_NC") is { } nc) Gemm.NC = int.Parse(nc);
        Console.WriteLine($"# impl shape median_gflops best_gflops   (threads={Gemm.MaxThreads}, avx512={GemmMacro.Wide}, KC={Gemm.KC} MC={Gemm.MC} NC={Gemm.NC})");
        foreach (var (ta, tb, m, n, k, role) in Shapes)
        {
            if (args.Length > 1 && !Name(ta, tb, m, n, k).Contains(args[1])) continue;
            var (median, best) = Measure(ta, tb, m, n, k);
            Console.WriteLine($"sgemm {Name(ta, tb, m, n, k),-18} {median,7:F1} {best,7:F1}   # {role}");
        }
    }

    public static string Name(bool ta, bool tb, int m, int n, int k) => $"{(ta ? 'T' : 'N')}{(tb ? 'T' : 'N')}_{m}x{n}x{k}";

    private static (double Median, double Best) Measure(bool ta, bool tb, int m, int n, int k)
    {
        var rng = new Random(0);
        float[] Rand(int len) { var x = new float[len]; for (int i = 0; i < len; i++) x[i] = rng.NextSingle(); return x; }
        float[] a = Rand(m * k), b = Rand(k * n), c = new float[m * n];
        void Call() => Gemm.Sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
        var sw = Stopwatch.StartNew();
        int iters = 0;
        while (sw.ElapsedMilliseconds < 300 || iters < 3) { Call(); iters++; } // warm-up: tiering, buffers
        int batch = Math.Max(1, (int)(iters * 30.0 / sw.Elapsed.TotalMilliseconds));
        var samples = new double[7];
        for (int s = 0; s < samples.Length; s++)
        {
            sw.Restart();
            for (int i = 0; i < batch; i++) Call();
            samples[s] = 2.0 * m * n * k * batch / sw.Elapsed.TotalSeconds / 1e9;
        }
        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[^1]);
    }
}
