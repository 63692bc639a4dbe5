using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// Which modes of a known mixture a generator covers, the usual report for the ring of Gaussians (Srivastava et al.,
/// 2017): a sample is high quality when it lies within 3·std of its nearest centre, ‖x − c_j‖ ≤ 3σ; a mode is covered
/// when it receives at least <c>minFraction</c> of its fair share N/K of high-quality samples.
/// <example><code>
/// var report = ModeCoverage.Measure(samples, RingOfGaussians.Centers(), std: 0.02);   // (N, 2), (8, 2)
/// Console.WriteLine(report);   // "8/8 modes covered, 98.9% of samples within 3σ of a mode"
/// </code></example>
/// </summary>
public static class ModeCoverage
{
    /// <summary>Samples (N, D) against centres (K, D), with the mixture's per-mode standard deviation <paramref name="std"/>.</summary>
    public static ModeCoverageReport Measure(Tensor samples, Tensor centers, double std, double minFraction = 0.25)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(centers);
        if (samples.dim() != 2 || centers.dim() != 2 || samples.shape[1] != centers.shape[1])
            throw new ArgumentException($"ModeCoverage.Measure: expects samples (N, D) and centers (K, D), got samples " +
                $"({string.Join(", ", samples.shape)}) and centers ({string.Join(", ", centers.shape)}).", nameof(samples));
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), $"ModeCoverage.Measure: std must be positive, got {std}.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        long n = samples.shape[0], k = centers.shape[0];
        var x = samples.to(float64).cpu();                                       // (N, D)
        var c = centers.to(float64).cpu();                                       // (K, D)
        var distance = (x.unsqueeze(1) - c.unsqueeze(0)).square().sum(dim: 2).sqrt(); // (N, K)
        var (nearestDistance, nearest) = distance.min(1);                         // (N), (N)
        var good = nearestDistance.le(3 * std);                                  // (N) bool
        var counts = nearest.masked_select(good).bincount(null, minlength: k).data<long>().Select(v => (int)v).ToArray();
        double fair = (double)n / k;
        int covered = counts.Count(count => count > 0 && count >= minFraction * fair);
        long highQuality = good.sum().item<long>();
        return new ModeCoverageReport(covered, (int)k, n == 0 ? 0 : (double)highQuality / n, counts);
    }
}
