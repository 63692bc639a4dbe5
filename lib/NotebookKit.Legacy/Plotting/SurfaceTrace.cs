namespace NotebookKit.Plotting;

/// <summary>A Plotly <c>surface</c> trace: z as a height field in a 3-d scene (<see cref="Chart.Surface"/>).</summary>
public sealed record SurfaceTrace : MatrixTrace
{
    public override string Type => "surface";

    public override bool Is3D => true;

    private protected override string RangePrefix => "c";
}
