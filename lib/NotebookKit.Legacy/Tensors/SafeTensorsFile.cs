namespace NotebookKit.Tensors;

/// <summary>
/// The contents of a safetensors file: the tensors in the order their bytes appear in the file
/// (for files written by <see cref="SafeTensors.Save"/> or by the reference library, a deterministic
/// sorted order), and the free-form string metadata of the <c>__metadata__</c> header entry.
/// </summary>
public sealed record SafeTensorsFile(
    OrderedDictionary<string, Tensor> Tensors,
    IReadOnlyDictionary<string, string> Metadata);
