namespace NotebookKit.Tensors;

/// <summary>Thrown when an op gets operands whose shapes do not fit; the message names the op and both shapes.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);
