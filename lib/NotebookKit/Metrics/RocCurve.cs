namespace NotebookKit.Metrics;

/// <summary>
/// Points of a receiver operating characteristic curve, from (0, 0) to (1, 1): at threshold t a sample is called
/// positive when its score ≥ t; <see cref="FalsePositiveRate"/>[i] and <see cref="TruePositiveRate"/>[i] are the rates at
/// <see cref="Thresholds"/>[i] (the first threshold is +∞). Tied scores form one diagonal step, so the trapezoid area
/// under the points equals <see cref="Auroc.Compute(double[], bool[])"/> exactly
/// (scikit-learn: <c>roc_curve</c> without dropping collinear points).
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, double[] Thresholds)
{
    /// <summary>The trapezoid area under the points, Σᵢ (FPRᵢ − FPRᵢ₋₁)(TPRᵢ + TPRᵢ₋₁)/2.</summary>
    public double Area()
    {
        double a = 0;
        for (int i = 1; i < FalsePositiveRate.Length; i++)
            a += (FalsePositiveRate[i] - FalsePositiveRate[i - 1]) * (TruePositiveRate[i] + TruePositiveRate[i - 1]) / 2;
        return a;
    }
}
