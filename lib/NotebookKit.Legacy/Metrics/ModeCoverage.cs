using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// Counts which modes of a known mixture a generator covers: a sample belongs to its nearest centre if it lies
/// within <c>3·std</c> of it ("high quality"); a mode is covered when it receives at least <c>minFraction</c>
/// of its fair share (1/modes) of the samples. The usual report for the ring of Gaussians (Srivastava et al., 2017).
/// </summary>
public static class ModeCoverage
{
    public sealed record Report(int ModesCovered, int Modes, float HighQualityFraction, int[] CountsPerMode)
    {
        public override string ToString() =>
            $"{ModesCovered}/{Modes} modes covered, {HighQualityFraction:P1} of samples within 3σ of a mode";
    }

    /// <summary>Samples (N, 2) against centres (K, 2).</summary>
    public static Report Measure(Tensor samples, Tensor centers, float std, float minFraction = 0.25f)
    {
        if (samples.Dim != 2 || centers.Dim != 2 || samples.Size(1) != centers.Size(1))
            throw new ShapeMismatchException($"ModeCoverage: samples {samples.ShapeString} and centers {centers.ShapeString} must be (N, D) and (K, D).");
        int n = samples.Size(0), k = centers.Size(0), d = samples.Size(1);
        var x = samples.ToArray(); var c = centers.ToArray();
        var counts = new int[k];
        int good = 0;
        float limit = 3 * std;
        for (int i = 0; i < n; i++)
        {
            int best = -1; float bestDist = float.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                float s = 0;
                for (int t = 0; t < d; t++) { float diff = x[i * d + t] - c[j * d + t]; s += diff * diff; }
                if (s < bestDist) { bestDist = s; best = j; }
            }
            if (MathF.Sqrt(bestDist) <= limit) { counts[best]++; good++; }
        }
        float fair = (float)n / k;
        int covered = counts.Count(cnt => cnt >= minFraction * fair);
        return new Report(covered, k, n == 0 ? 0 : (float)good / n, counts);
    }
}
