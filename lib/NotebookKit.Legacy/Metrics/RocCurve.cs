namespace NotebookKit.Metrics;

/// <summary>
/// Points of a receiver operating characteristic curve, from (0, 0) to (1, 1): at threshold t, a sample is called
/// positive when its score ≥ t; <see cref="FalsePositiveRate"/>[i] and <see cref="TruePositiveRate"/>[i] are the rates at
/// <see cref="Thresholds"/>[i] (the first threshold is +∞). Tied scores form one step, so the trapezoid area under the
/// points is exactly <see cref="Auroc.Compute(IReadOnlyList{double}, IReadOnlyList{bool})"/>.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, double[] Thresholds)
{
    /// <summary>The trapezoid area under the points.</summary>
    public double Area()
    {
        double a = 0;
        for (int i = 1; i < FalsePositiveRate.Length; i++)
            a += (FalsePositiveRate[i] - FalsePositiveRate[i - 1]) * (TruePositiveRate[i] + TruePositiveRate[i - 1]) / 2;
        return a;
    }
}
