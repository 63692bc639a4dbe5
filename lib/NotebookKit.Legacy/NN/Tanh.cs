using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>tanh(x), squashing to (−1, 1) (the GAN generator's output). Shape: any → same. No parameters.</summary>
public sealed class Tanh : Module
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}
