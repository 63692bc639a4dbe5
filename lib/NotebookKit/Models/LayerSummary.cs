namespace NotebookKit.Models;

/// <summary>One row of a <see cref="ModelSummary"/>: a leaf module (a layer), its type, its output shape when the
/// summary ran an input through the model (else null), its parameter shapes and count.</summary>
public sealed record LayerSummary(string Name, string Type, long[]? OutputShape, IReadOnlyList<long[]> ParameterShapes, long Parameters);
