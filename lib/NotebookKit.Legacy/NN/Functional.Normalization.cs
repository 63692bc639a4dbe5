using NotebookKit.Tensors;

namespace NotebookKit.NN;

public static partial class Functional
{
    /// <summary>
    /// Batch normalisation (as <c>F.batch_norm</c>): y = γ·(x − μ)/√(σ² + eps) + β per channel (dim 1).
    /// In training μ, σ² are the batch mean and biased variance over N (and H, W), and the running buffers, when given,
    /// are updated in place: running = (1 − momentum)·running + momentum·batch, with the unbiased variance for running_var.
    /// In eval the running statistics are used. Shapes: input (N, C) or (N, C, H, W); runningMean, runningVar, weight, bias (C).
    /// <example><code>var y = F.BatchNorm(x, bn.RunningMean, bn.RunningVar, bn.Weight, bn.Bias, training: true); // (64, 128, 7, 7) → same</code></example>
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, float momentum = 0.1f, float eps = 1e-5f)
    {
        if (eps <= 0) throw new ArgumentOutOfRangeException(nameof(eps), $"BatchNorm: eps must be positive, got {eps}.");
        return Tensor.BatchNormCore(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }
}
