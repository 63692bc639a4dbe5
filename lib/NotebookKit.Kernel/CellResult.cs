namespace NotebookKit.Kernel;

/// <summary>What one <see cref="CSharpKernel.ExecuteAsync"/> produced.</summary>
/// <param name="ExecutionCount">The cell's number (<c>In [n]</c>), counted from 1 per kernel.</param>
/// <param name="Outputs">Outputs in order; consecutive writes to one stream are merged.</param>
/// <param name="Error">The error, or null when the cell succeeded (the error is also the last output).</param>
/// <param name="Started">When the cell started (UTC).</param>
/// <param name="Duration">Wall time from submission to the last output.</param>
public sealed record CellResult(int ExecutionCount, IReadOnlyList<CellOutput> Outputs, ErrorOutput? Error, DateTime Started, TimeSpan Duration)
{
    public bool Succeeded => Error == null;
}
