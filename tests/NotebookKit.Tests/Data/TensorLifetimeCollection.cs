namespace NotebookKit.Tests.Data;

/// <summary>
/// Tests that count live tensors process-wide (<c>torch.Tensor.TotalCount</c>) run alone, after the parallel tests,
/// so that no other test creates or frees tensors while they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TensorLifetimeCollection
{
    public const string Name = "Tensor lifetime";
}
