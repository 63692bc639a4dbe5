using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Batch normalisation over images (PyTorch: <c>nn.BatchNorm2d</c>): y = γ·(x − μ)/√(σ² + eps) + β with statistics per
/// channel over N, H and W. See <see cref="BatchNormBase"/> for training vs eval. DCGAN puts one after every
/// convolution except the generator's output and the discriminator's input.
/// Shape: (N, numFeatures, H, W) → same.
/// Init: γ = 1, β = 0, running_mean = 0, running_var = 1.
/// <example><code>var bn = new BatchNorm2d(64); var h = bn.Forward(up.Forward(z)); // (64, 64, 14, 14) → same</code></example>
/// </summary>
public sealed class BatchNorm2d : BatchNormBase
{
    public BatchNorm2d(int numFeatures, float eps = 1e-5f, float? momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    private protected override void CheckInput(Tensor input)
    {
        if (input.Dim != 4 || input.Size(1) != NumFeatures)
            throw new ShapeMismatchException(
                $"BatchNorm2d: expected input with {NumFeatures} channels (N, {NumFeatures}, H, W), got {input.ShapeString}." +
                (input.Dim == 2 ? " Use BatchNorm1d for (N, C) features." : ""));
    }
}
