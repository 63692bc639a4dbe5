using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>σ(x) = 1 / (1 + e^(−x)), squashing to (0, 1). Shape: any → same. No parameters.</summary>
public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
