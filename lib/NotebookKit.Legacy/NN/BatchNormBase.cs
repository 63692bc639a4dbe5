using System.Globalization;
using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// What <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> share (PyTorch: <c>_BatchNorm</c>): y = γ·(x − μ)/√(σ² + eps) + β per channel.
/// In training μ, σ² are the batch's (biased variance) and the running statistics move towards them:
/// running = (1 − momentum)·running + momentum·batch (unbiased variance for running_var; momentum null = cumulative average).
/// In eval (<see cref="Module.Eval"/>) the running statistics are used, so a single example gives a deterministic answer.
/// Parameters: Weight γ (C) = 1, Bias β (C) = 0 when affine. Buffers: running_mean (C) = 0, running_var (C) = 1,
/// num_batches_tracked () = 0 when trackRunningStats. The names match PyTorch's state-dict keys.
/// </summary>
public abstract class BatchNormBase : Module
{
    public int NumFeatures { get; }
    public float Eps { get; }
    /// <summary>Weight of the newest batch in the running averages; null for a cumulative average (1 / batches seen).</summary>
    public float? Momentum { get; }
    public bool Affine { get; }
    public bool TrackRunningStats { get; }
    public Tensor? Weight { get; }
    public Tensor? Bias { get; }
    public Tensor? RunningMean { get; }
    public Tensor? RunningVar { get; }
    /// <summary>Number of training batches seen (float-valued here; an int64 in PyTorch).</summary>
    public Tensor? NumBatchesTracked { get; }

    private protected BatchNormBase(int numFeatures, float eps, float? momentum, bool affine, bool trackRunningStats)
    {
        string layer = GetType().Name;
        if (numFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(numFeatures), $"{layer}: numFeatures must be positive, got {numFeatures}.");
        if (!(eps > 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"{layer}: eps must be positive, got {eps}.");
        if (momentum is { } m && !(m >= 0 && m <= 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), $"{layer}: momentum must be in [0, 1] (or null for a cumulative average), got {m}.");
        NumFeatures = numFeatures; Eps = eps; Momentum = momentum; Affine = affine; TrackRunningStats = trackRunningStats;
        if (affine)
        {
            Weight = RegisterParameter("weight", Torch.Ones(numFeatures));
            Bias = RegisterParameter("bias", Torch.Zeros(numFeatures));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Torch.Zeros(numFeatures));
            RunningVar = RegisterBuffer("running_var", Torch.Ones(numFeatures));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Torch.Scalar(0f));
        }
    }

    /// <summary>running_mean = 0, running_var = 1, num_batches_tracked = 0.</summary>
    public void ResetRunningStats()
    {
        if (RunningMean != null) Init.Zeros_(RunningMean);
        if (RunningVar != null) Init.Ones_(RunningVar);
        if (NumBatchesTracked != null) Init.Zeros_(NumBatchesTracked);
    }

    /// <summary>Resets the running statistics and sets γ = 1, β = 0 (as PyTorch).</summary>
    public void ResetParameters()
    {
        ResetRunningStats();
        if (Weight != null) Init.Ones_(Weight);
        if (Bias != null) Init.Zeros_(Bias);
    }

    /// <summary>Throws a message naming the layer and the expected shape when <paramref name="input"/> does not fit.</summary>
    private protected abstract void CheckInput(Tensor input);

    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        float factor = Momentum ?? 0f;
        if (Training && NumBatchesTracked != null)
        {
            NumBatchesTracked.data[0] += 1f;
            if (Momentum == null) factor = 1f / NumBatchesTracked.data[0];
        }
        // Batch statistics in training, and always when there are no running statistics (as PyTorch); in training the
        // running buffers (when tracked) are updated in place, in eval they are read.
        bool useBatchStats = Training || RunningMean == null;
        return Tensor.BatchNormCore(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, factor, Eps, GetType().Name);
    }

    protected override string ExtraRepr() =>
        $"{NumFeatures}, eps={PyFloat(Eps)}, momentum={(Momentum is { } m ? PyFloat(m) : "None")}, affine={Affine}, track_running_stats={TrackRunningStats}";

    // Python's repr of a float: 0.1, 1e-05.
    private static string PyFloat(float v)
    {
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        int e = s.IndexOf('E');
        if (e < 0) return s.Contains('.') ? s : s + ".0";
        int exp = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{s[..e]}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
    }
}
