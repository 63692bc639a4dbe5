using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>Flattens dims startDim..endDim: (N, 1, 28, 28) → (N, 784) with the defaults (start 1, as PyTorch's nn.Flatten).</summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    public override Tensor Forward(Tensor input) => input.Flatten(startDim, endDim);

    protected override string ExtraRepr() => $"start_dim={startDim}, end_dim={endDim}";
}
