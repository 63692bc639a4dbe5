namespace NotebookKit.Plotting;

/// <summary>What a histogram bar's height means (Plotly's <c>histnorm</c>).</summary>
public enum HistNorm
{
    /// <summary>Counts (Plotly's default, <c>""</c>).</summary>
    None,
    /// <summary><c>"percent"</c>: percentage of all samples.</summary>
    Percent,
    /// <summary><c>"probability"</c>: fraction of all samples; bars sum to 1.</summary>
    Probability,
    /// <summary><c>"density"</c>: count / bin width.</summary>
    Density,
    /// <summary><c>"probability density"</c>: fraction / bin width; the area is 1, comparable with a pdf.</summary>
    ProbabilityDensity,
}
