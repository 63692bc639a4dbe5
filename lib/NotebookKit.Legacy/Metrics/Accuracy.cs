using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// Classification accuracy: the fraction of samples whose predicted class equals the label,
/// accuracy = (1/N) Σᵢ [argmax_c ŷᵢc = yᵢ].
/// <example><code>double acc = Accuracy.FromLogits(net.Logits(X), y); // (N, C), N labels → in [0, 1]</code></example>
/// </summary>
public static class Accuracy
{
    /// <summary>Accuracy of the arg-max of <paramref name="logits"/> (N, C) (or probabilities: same arg-max) against <paramref name="labels"/>.</summary>
    public static double FromLogits(Tensor logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Dim != 2)
            throw new ArgumentException($"Accuracy.FromLogits: expects logits of shape (N, C), got {logits.ShapeString}.", nameof(logits));
        return FromPredictions(Predict(logits), labels);
    }

    /// <summary>Accuracy of class predictions against labels of the same length.</summary>
    public static double FromPredictions(IReadOnlyList<int> predictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count != labels.Count)
            throw new ArgumentException($"Accuracy: {predictions.Count} predictions for {labels.Count} labels; they must match.", nameof(labels));
        if (labels.Count == 0) throw new ArgumentException("Accuracy: no samples.", nameof(labels));
        int correct = 0;
        for (int i = 0; i < labels.Count; i++) if (predictions[i] == labels[i]) correct++;
        return (double)correct / labels.Count;
    }

    /// <summary>The arg-max class of each row of <paramref name="logits"/> (N, C).</summary>
    public static int[] Predict(Tensor logits)
    {
        var arg = logits.ArgMax(1).AsSpan();
        var p = new int[arg.Length];
        for (int i = 0; i < p.Length; i++) p[i] = (int)arg[i];
        return p;
    }
}
