using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Data;

/// <summary>
/// The classic 2-d mode-collapse benchmark (Metz et al., 2017): a mixture of <c>modes</c> Gaussians with standard
/// deviation <c>std</c>, centred evenly on a circle of radius <c>radius</c>, each with weight 1/modes. A GAN that
/// covers only some modes shows it at a glance in a scatter plot.
/// </summary>
/// <example><code>
/// var g = new torch.Generator(0);
/// var real = RingOfGaussians.Sample(512, g);        // (512, 2)
/// var centers = RingOfGaussians.Centers();          // (8, 2)
/// </code></example>
public static class RingOfGaussians
{
    /// <summary>The mode centres <c>(modes, 2)</c> float32: centre k = radius·(cos 2πk/modes, sin 2πk/modes).</summary>
    public static Tensor Centers(int modes = 8, float radius = 2f)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), $"RingOfGaussians: modes must be at least 1, got {modes}.");
        var c = new float[modes * 2];
        for (int k = 0; k < modes; k++)
        {
            double a = 2 * Math.PI * k / modes; // in double, then rounded once: the same floats the first-round engine gave
            c[2 * k] = (float)(radius * Math.Cos(a));
            c[2 * k + 1] = (float)(radius * Math.Sin(a));
        }
        return tensor(c, [modes, 2]);
    }

    /// <summary>
    /// <paramref name="n"/> samples <c>(n, 2)</c> float32: x = centers[k] + std·ε, k ~ Uniform{0..modes−1},
    /// ε ~ N(0, I). Draws from <paramref name="generator"/>, or from the global one (<c>torch.manual_seed</c>).
    /// </summary>
    public static Tensor Sample(int n, Generator? generator = null, int modes = 8, float radius = 2f, float std = 0.02f)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"RingOfGaussians: n must be ≥ 0, got {n}.");
        if (std < 0) throw new ArgumentOutOfRangeException(nameof(std), $"RingOfGaussians: std must be ≥ 0, got {std}.");
        using var scope = NewDisposeScope();
        var centers = Centers(modes, radius);                                        // (modes, 2)
        var k = randint(0, modes, [n], ScalarType.Int64, generator: generator);   // (n)
        var eps = randn([n, 2], generator: generator);                             // (n, 2)
        var x = centers.index_select(0, k).add_(eps.mul_(std));
        return scope.MoveToOuter(x);
    }
}
