using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>Splits one dim into several: <c>new Unflatten(1, 128, 7, 7)</c> maps (N, 6272) → (N, 128, 7, 7).</summary>
public sealed class Unflatten(int dim, params int[] sizes) : Module
{
    public override Tensor Forward(Tensor input) => input.Unflatten(dim, sizes);

    protected override string ExtraRepr() => $"dim={dim}, unflattened_size=({string.Join(", ", sizes)})";
}
