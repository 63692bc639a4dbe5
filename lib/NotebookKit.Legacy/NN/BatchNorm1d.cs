using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Batch normalisation over (N, C) or (N, C, L) input (PyTorch: <c>nn.BatchNorm1d</c>):
/// y = γ·(x − μ)/√(σ² + eps) + β, statistics per feature over N (and L). See <see cref="BatchNormBase"/> for training vs eval.
/// Shape: (N, numFeatures) or (N, numFeatures, L) → same.
/// Init: γ = 1, β = 0, running_mean = 0, running_var = 1.
/// <example><code>var bn = new BatchNorm1d(400); var h = bn.Forward(fc.Forward(X)); // (128, 400) → (128, 400)</code></example>
/// </summary>
public sealed class BatchNorm1d : BatchNormBase
{
    public BatchNorm1d(int numFeatures, float eps = 1e-5f, float? momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    private protected override void CheckInput(Tensor input)
    {
        if ((input.Dim != 2 && input.Dim != 3) || input.Size(1) != NumFeatures)
            throw new ShapeMismatchException(
                $"BatchNorm1d: expected input (N, {NumFeatures}) or (N, {NumFeatures}, L), got {input.ShapeString}." +
                (input.Dim == 4 ? " Use BatchNorm2d for images." : ""));
    }
}
