namespace NotebookKit.Metrics;

/// <summary>
/// What <see cref="ModeCoverage.Measure"/> found: <see cref="ModesCovered"/> of <see cref="Modes"/> modes received at least
/// their minimum share of high-quality samples; <see cref="HighQualityFraction"/> of all samples lie within 3σ of their
/// nearest mode; <see cref="CountsPerMode"/>[j] counts the high-quality samples nearest to mode j.
/// </summary>
public sealed record ModeCoverageReport(int ModesCovered, int Modes, double HighQualityFraction, int[] CountsPerMode)
{
    /// <summary>One line for a notebook, e.g. "8/8 modes covered, 99.0% of samples within 3σ of a mode".</summary>
    public override string ToString() =>
        $"{ModesCovered}/{Modes} modes covered, {HighQualityFraction * 100:F1}% of samples within 3σ of a mode";
}
