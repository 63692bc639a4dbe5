using NotebookKit.Interactive;

namespace NotebookKit.Kernel;

// One closed family of output records (Jupyter's iopub output messages), kept together like a discriminated union.

/// <summary>One output of a cell, in the order the cell produced it.</summary>
public abstract record CellOutput;

/// <summary>Text written to <c>Console.Out</c> (<c>"stdout"</c>) or <c>Console.Error</c> (<c>"stderr"</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A shown value (<c>display(x)</c>, <c>Display.Show</c>); <paramref name="DisplayId"/> lets later updates replace it.</summary>
public sealed record DisplayDataOutput(MimeBundle Data, string? DisplayId) : CellOutput;

/// <summary>A new rendering for the earlier output with the same display id (<c>DisplayHandle.Update</c>).</summary>
public sealed record UpdateDisplayDataOutput(MimeBundle Data, string DisplayId) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(MimeBundle Data, int ExecutionCount) : CellOutput;

/// <summary>A compile error, runtime exception, timeout or unsupported directive; <paramref name="Traceback"/> is shown line by line.</summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
