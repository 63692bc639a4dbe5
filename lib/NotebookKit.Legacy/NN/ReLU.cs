using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>max(x, 0). Shape: any → same. No parameters.</summary>
public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => input.Relu();
}
