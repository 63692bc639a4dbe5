namespace NotebookKit.Kernel.Running;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed class RunOptions
{
    /// <summary>Parameter overrides by name, as given on the command line (<c>-p Epochs 1</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Sets the parameter <c>FastMode = true</c> (the notebook must declare <c>bool FastMode = false;</c>).</summary>
    public bool Fast { get; init; }

    /// <summary>Per-cell time limit. Default: 10 minutes.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Told about each cell and the finished notebook (console progress, HTML export, …).</summary>
    public IRunReporter? Reporter { get; init; }
}
