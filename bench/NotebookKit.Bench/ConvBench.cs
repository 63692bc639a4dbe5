using System.Diagnostics;
using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Bench;

/// <summary>
/// `conv`: where a DCGAN convolution's time goes, piece by piece (im2col, the GEMMs, col2im, layout copies), for
/// the layers of shared/anchors/torch_dcgan.py at batch 64. A profile for tuning, not a comparison.
/// </summary>
internal static class ConvBench
{
    public static void Run(string[] args)
    {
        // (name, Cin, H, W, Cout, k, s, p) as Conv2d sees them; a ConvTranspose2d is the adjoint of one.
        Profile("D conv1 1→64, 28→14", 1, 28, 28, 64);
        Profile("D conv2 64→128, 14→7", 64, 14, 14, 128);
        Profile("G convT1 128→64, 7→14 (adjoint of 64→128, 14→7)", 64, 14, 14, 128);
        Profile("G convT2 64→1, 14→28 (adjoint of 1→64, 28→14)", 1, 28, 28, 64);
    }

    private static void Profile(string name, int cin, int h, int w, int cout, int n = 64, int k = 4, int s = 2, int p = 1)
    {
        int oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
        var g = new ConvGeometry(cin, h, w, k, k, s, s, p, p, oh, ow);
        int cols = n * g.L;
        var x = Random(n * g.ImageSize); var wt = Random(cout * g.K); var col = new float[g.K * cols];
        var yc = new float[cout * cols]; var y = new float[n * cout * g.L]; var dx = new float[n * g.ImageSize]; var dw = new float[cout * g.K];
        var parts = new (string Part, Action Run, double Flops)[]
        {
            ("im2col", () => Im2Col.Unfold(x, 0, n, g, col), 0),
            ("GEMM W·cols", () => Gemm.Sgemm(false, false, cout, cols, g.K, 1f, wt, 0, g.K, col, 0, cols, 0f, yc, 0, cols), 2.0 * cout * cols * g.K),
            ("channel-major → NCHW", () => Im2Col.FromChannelMajor(yc, 0, n, cout, g.L, y, null, accumulate: false), 0),
            ("NCHW → channel-major", () => Im2Col.ToChannelMajor(y, 0, n, cout, g.L, yc), 0),
            ("GEMM dY·colsᵀ (dW)", () => Gemm.Sgemm(false, true, cout, g.K, cols, 1f, yc, 0, cols, col, 0, cols, 1f, dw, 0, g.K), 2.0 * cout * cols * g.K),
            ("GEMM Wᵀ·dY", () => Gemm.Sgemm(true, false, g.K, cols, cout, 1f, wt, 0, g.K, yc, 0, cols, 0f, col, 0, cols), 2.0 * cout * cols * g.K),
            ("col2im", () => Im2Col.Col2Im(col, 0, n, g, dx), 0),
        };
        Console.WriteLine($"{name}: K = {g.K}, columns = {cols}");
        foreach (var (part, run, flops) in parts)
        {
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 50 || warm.ElapsedMilliseconds < 200; i++) run(); // past tiered JIT's first, unoptimised code
            var times = new List<double>();
            for (int r = 0; r < 7; r++) { var sw = Stopwatch.StartNew(); run(); times.Add(sw.Elapsed.TotalMilliseconds); }
            double ms = times.Order().ElementAt(3);
            Console.WriteLine($"  {part,-24} {ms,8:F2} ms" + (flops > 0 ? $"  {flops / ms / 1e6,6:F0} GFLOPS" : ""));
        }
    }

    private static float[] Random(int n)
    {
        var g = new NotebookKit.Tensors.Generator(3);
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = g.NextFloat() - 0.5f;
        return a;
    }
}
