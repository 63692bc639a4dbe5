using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Metrics;

/// <summary>
/// Classification accuracy: the fraction of samples whose predicted class equals the label,
/// accuracy = (1/N) Σᵢ [argmax_c ŷᵢc = yᵢ].
/// <example><code>
/// double acc = Accuracy.FromLogits(logits, y);             // (N, C), (N) int64 → in [0, 1]
/// double testAcc = Accuracy.Evaluate(classifier, testLoader);
/// </code></example>
/// </summary>
public static class Accuracy
{
    /// <summary>The arg-max class of each row: (N, C) → (N) int64. Logits or probabilities give the same classes.</summary>
    public static Tensor Predict(Tensor logits)
    {
        CheckLogits(logits, nameof(Predict));
        return logits.argmax(1);
    }

    /// <summary>Accuracy of the arg-max of <paramref name="logits"/> (N, C) against integer <paramref name="labels"/> (N).</summary>
    public static double FromLogits(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        return CorrectCount(logits, labels, nameof(FromLogits)) / (double)labels.shape[0];
    }

    /// <summary>Accuracy of <paramref name="model"/> ((N, …) → logits (N, C)) over every batch, in eval mode under
    /// <c>no_grad</c>, the batches moved to <paramref name="device"/> (default: the device of the model's first parameter).
    /// The model's training/eval mode is restored afterwards.</summary>
    public static double Evaluate(Module<Tensor, Tensor> model, IEnumerable<(Tensor X, Tensor y)> batches, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        device ??= model.parameters().FirstOrDefault()?.device ?? CPU;
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            long correct = 0, count = 0;
            foreach (var (X, y) in batches)
            {
                using var scope = NewDisposeScope();
                correct += CorrectCount(model.forward(X.to(device)), y.to(device), nameof(Evaluate));
                count += y.shape[0];
            }
            if (count == 0) throw new ArgumentException("Accuracy.Evaluate: the batches held no samples.", nameof(batches));
            return (double)correct / count;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static long CorrectCount(Tensor logits, Tensor labels, string op)
    {
        CheckLogits(logits, op);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 1 || labels.shape[0] != logits.shape[0])
            throw new ArgumentException($"Accuracy.{op}: expects labels of shape ({logits.shape[0]}) for logits " +
                $"({string.Join(", ", logits.shape)}), got ({string.Join(", ", labels.shape)}).", nameof(labels));
        if (labels.shape[0] == 0) throw new ArgumentException($"Accuracy.{op}: no samples.", nameof(labels));
        return logits.argmax(1).eq(labels.to(int64)).sum().item<long>();
    }

    private static void CheckLogits(Tensor logits, string op)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.dim() != 2)
            throw new ArgumentException($"Accuracy.{op}: expects logits of shape (N, C), got ({string.Join(", ", logits.shape)}).", nameof(logits));
    }
}
