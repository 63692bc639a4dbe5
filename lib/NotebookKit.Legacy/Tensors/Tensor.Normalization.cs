namespace NotebookKit.Tensors;

// Batch normalisation as one fused primitive. Per channel c, over the M = N·(H·W) values x of that channel:
//   forward   x̂ = (x − μ)·invstd,  invstd = 1/√(σ² + eps),  y = γ·x̂ + β
//   backward  dx = (γ·invstd/M)·(M·dy − Σdy − x̂·Σ(dy·x̂))   (batch statistics; μ and σ² depend on x)
//             dx = γ·invstd·dy                              (running statistics; constants)
//             dγ = Σ dy·x̂,  dβ = Σ dy
// Channel sums are accumulated in double in a fixed order, so results repeat bit for bit.
public sealed partial class Tensor
{
    /// <summary>
    /// Normalises (N, C) or (N, C, *) input per channel. With <paramref name="useBatchStats"/> it uses the batch mean and
    /// biased variance and, when running buffers are given, updates them in place (running_var with the unbiased variance,
    /// as PyTorch); otherwise it uses the running statistics. NN.BatchNorm1d/2d and Functional.BatchNorm call this.
    /// </summary>
    internal static Tensor BatchNormCore(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool useBatchStats, float momentum, float eps, string op = "BatchNorm")
    {
        if (x.Dim < 2)
            throw new ShapeMismatchException($"{op}: expected input (N, C) or (N, C, H, W), got {x.ShapeString}.");
        int n = x.shape[0], c = x.shape[1];
        int inner = ShapeUtil.Numel(x.shape.AsSpan(2));
        int m = n * inner;
        CheckChannelVector(op, x, runningMean, "runningMean");
        CheckChannelVector(op, x, runningVar, "runningVar");
        CheckChannelVector(op, x, weight, "weight");
        CheckChannelVector(op, x, bias, "bias");
        if (!useBatchStats && (runningMean == null || runningVar == null))
            throw new ArgumentException($"{op}: running statistics are needed when not using batch statistics (eval mode).");
        if (useBatchStats && m <= 1)
            throw new ArgumentException(
                $"{op}: expected more than 1 value per channel when training, got input {x.ShapeString}. Use a batch of at least 2 or call Eval().");

        var stats = NewDataUninitialized(2 * c); // μ, then invstd, per channel: the backward reads them again
        for (int ch = 0; ch < c; ch++)
        {
            if (useBatchStats)
            {
                var (mu, varBiased) = ChannelMoments(x.data, n, c, inner, ch);
                stats[ch] = (float)mu;
                stats[c + ch] = (float)(1.0 / Math.Sqrt(varBiased + eps));
                if (runningMean != null) runningMean.data[ch] = (1 - momentum) * runningMean.data[ch] + momentum * (float)mu;
                if (runningVar != null) runningVar.data[ch] = (1 - momentum) * runningVar.data[ch] + momentum * (float)(varBiased * m / (m - 1));
            }
            else
            {
                stats[ch] = runningMean!.data[ch];
                stats[c + ch] = 1f / MathF.Sqrt(runningVar!.data[ch] + eps);
            }
        }

        var y = NewDataUninitialized(x.Numel); // every element is written
        var xd = x.data;
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++)
            {
                float gamma = weight?.data[ch] ?? 1f, beta = bias?.data[ch] ?? 0f;
                float scale = gamma * stats[c + ch], shift = beta - stats[ch] * scale;
                int off = (b * c + ch) * inner;
                for (int q = 0; q < inner; q++) y[off + q] = xd[off + q] * scale + shift;
            }

        var o = weight != null && bias != null ? MakeResult(x.shape, y, op, x, weight, bias)
            : weight != null ? MakeResult(x.shape, y, op, x, weight)
            : bias != null ? MakeResult(x.shape, y, op, x, bias)
            : MakeResult(x.shape, y, op, x);
        o.KeepForBackward(stats);
        return o.WithBackward(() => BatchNormBackward(x, weight, bias, o.grad!, stats, useBatchStats, n, c, inner));
    }

    private static void CheckChannelVector(string op, Tensor x, Tensor? t, string name)
    {
        int c = x.shape[1];
        if (t != null && (t.Dim != 1 || t.shape[0] != c))
            throw new ShapeMismatchException(
                $"{op}: {name} must have shape ({c},) for input {x.ShapeString} with {c} channels; got {t.ShapeString}.");
    }

    private static (double Mean, double VarBiased) ChannelMoments(float[] x, int n, int c, int inner, int ch)
    {
        double sum = 0;
        for (int b = 0; b < n; b++)
        {
            int off = (b * c + ch) * inner;
            for (int q = 0; q < inner; q++) sum += x[off + q];
        }
        double mu = sum / ((double)n * inner), sq = 0;
        for (int b = 0; b < n; b++)
        {
            int off = (b * c + ch) * inner;
            for (int q = 0; q < inner; q++) { double d = x[off + q] - mu; sq += d * d; }
        }
        return (mu, sq / ((double)n * inner));
    }

    private static void BatchNormBackward(Tensor x, Tensor? weight, Tensor? bias, float[] gy, float[] stats,
        bool batchStats, int n, int c, int inner)
    {
        var xd = x.data;
        int m = n * inner;
        for (int ch = 0; ch < c; ch++)
        {
            double sumDy = 0, sumDyXhat = 0;
            for (int b = 0; b < n; b++)
            {
                int off = (b * c + ch) * inner;
                for (int q = 0; q < inner; q++)
                {
                    float dy = gy[off + q];
                    sumDy += dy;
                    sumDyXhat += dy * ((xd[off + q] - stats[ch]) * stats[c + ch]);
                }
            }
            if (weight != null && weight.requiresGrad) weight.GradBuffer()[ch] += (float)sumDyXhat;
            if (bias != null && bias.requiresGrad) bias.GradBuffer()[ch] += (float)sumDy;
            if (!x.requiresGrad) continue;

            var gx = x.GradBuffer();
            float k = (weight?.data[ch] ?? 1f) * stats[c + ch];
            float meanDy = batchStats ? (float)(sumDy / m) : 0f, meanDyXhat = batchStats ? (float)(sumDyXhat / m) : 0f;
            for (int b = 0; b < n; b++)
            {
                int off = (b * c + ch) * inner;
                for (int q = 0; q < inner; q++)
                {
                    float xhat = (xd[off + q] - stats[ch]) * stats[c + ch];
                    gx[off + q] += k * (gy[off + q] - meanDy - xhat * meanDyXhat);
                }
            }
        }
    }
}
