namespace NotebookKit.Kernel.Running;

/// <summary>One default in a notebook's <c>parameters</c> cell, e.g. <c>int Epochs = 10;</c>.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">int, long, float, double, bool or string (<c>var</c> is inferred from the literal).</param>
/// <param name="Default">The default's source text.</param>
public sealed record ParameterDeclaration(string Name, string Type, string Default);
