namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>heatmap</c> trace (<see cref="Chart.Heatmap"/>).</summary>
public sealed record HeatmapTrace : MatrixTrace
{
    public override string Type => "heatmap";
}
