using NotebookKit.Tensors;

namespace NotebookKit.Data;

/// <summary>
/// The classic 2-d mode-collapse benchmark: a mixture of <c>modes</c> Gaussians with standard deviation
/// <c>std</c> centred evenly on a circle of radius <c>radius</c> (Metz et al., 2017). Each mode has weight 1/modes.
/// </summary>
public static class RingOfGaussians
{
    /// <summary>The mode centres, (modes, 2).</summary>
    public static Tensor Centers(int modes = 8, float radius = 2f)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), $"RingOfGaussians: modes must be at least 1, got {modes}.");
        var c = new float[modes * 2];
        for (int k = 0; k < modes; k++)
        {
            double a = 2 * Math.PI * k / modes;
            c[2 * k] = (float)(radius * Math.Cos(a));
            c[2 * k + 1] = (float)(radius * Math.Sin(a));
        }
        return Torch.FromArray(c, modes, 2);
    }

    /// <summary><paramref name="n"/> samples, (n, 2); the mode of each sample is drawn uniformly.</summary>
    public static Tensor Sample(int n, Generator? generator = null, int modes = 8, float radius = 2f, float std = 0.02f)
    {
        if (std < 0) throw new ArgumentOutOfRangeException(nameof(std), $"RingOfGaussians: std must be ≥ 0, got {std}.");
        var g = generator ?? Torch.DefaultGenerator;
        var centers = Centers(modes, radius).ToArray();
        var x = new float[n * 2];
        for (int i = 0; i < n; i++)
        {
            int k = g.NextInt(modes);
            x[2 * i] = centers[2 * k] + std * g.NextNormal();
            x[2 * i + 1] = centers[2 * k + 1] + std * g.NextNormal();
        }
        return Torch.FromArray(x, n, 2);
    }
}
