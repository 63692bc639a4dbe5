namespace NotebookKit.Tensors;

/// <summary>
/// Thrown when a file is not a valid safetensors file. The message names the file, the tensor or header
/// field at fault and what to do; <see cref="FilePath"/> and <see cref="TensorName"/> let code react to it.
/// Derives from <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed), so code that
/// already handles unreadable files handles this too.
/// </summary>
public sealed class SafeTensorsFormatException(string filePath, string? tensorName, string message)
    : IOException(message)
{
    /// <summary>The file as the caller named it.</summary>
    public string FilePath { get; } = filePath;

    /// <summary>The tensor whose entry is at fault, or null when the problem is the file or header as a whole.</summary>
    public string? TensorName { get; } = tensorName;
}
