using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// Area under the ROC curve, exactly, by the Mann–Whitney U statistic: the probability that a random positive scores
/// higher than a random negative, ties counting ½ — the trapezoid rule's area under the ROC curve:
/// AUROC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋), R₊ the sum of the positives' ranks (tied scores share their mean rank).
/// 1 = perfect separation, ½ = chance, 0 = reversed. Used for anomaly detection with reconstruction error or −log p(x)
/// as the score (scikit-learn: <c>roc_auc_score</c>, <c>roc_curve</c>).
/// <example><code>
/// double auc = Auroc.Compute(scores, isAnomaly);   // (N) scores, higher = more anomalous; (N) labels
/// var roc = Auroc.Curve(scores, isAnomaly);        // plot roc.FalsePositiveRate against roc.TruePositiveRate
/// </code></example>
/// </summary>
public static class Auroc
{
    /// <summary>AUROC of <paramref name="scores"/> (higher = more positive) against <paramref name="labels"/> (true = positive).
    /// O(N log N). Needs at least one positive and one negative.</summary>
    public static double Compute(double[] scores, bool[] labels)
    {
        var (order, nPos, nNeg) = Prepare(scores, labels, nameof(Compute));
        double rankSumPos = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = TieGroupEnd(scores, order, start);
            double meanRank = (start + end) / 2.0 + 1;                  // 1-based ranks; a tie group shares the mean
            for (int i = start; i <= end; i++) if (labels[order[i]]) rankSumPos += meanRank;
            start = end + 1;
        }
        return (rankSumPos - (double)nPos * (nPos + 1) / 2) / ((double)nPos * nNeg);
    }

    /// <summary>AUROC of tensors: scores (N) of any real dtype, labels (N) bool or 0/1 (nonzero = positive).</summary>
    public static double Compute(Tensor scores, Tensor labels) => Compute(ToDoubles(scores), ToBools(labels));

    /// <summary>AUROC for two groups of scores: P(positive &gt; negative) + ½ P(tie).</summary>
    public static double FromGroups(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var (scores, labels) = Concat(positives, negatives);
        return Compute(scores, labels);
    }

    /// <summary>The ROC curve: one point per distinct score, from (0, 0) at threshold +∞ to (1, 1).</summary>
    public static RocCurve Curve(double[] scores, bool[] labels)
    {
        var (order, nPos, nNeg) = Prepare(scores, labels, nameof(Curve));
        var fpr = new List<double> { 0 }; var tpr = new List<double> { 0 }; var thr = new List<double> { double.PositiveInfinity };
        int tp = 0, fp = 0;
        for (int end = order.Length - 1; end >= 0;)                     // descending score, one step per tie group
        {
            double t = scores[order[end]];
            for (; end >= 0 && scores[order[end]] == t; end--) { if (labels[order[end]]) tp++; else fp++; }
            fpr.Add((double)fp / nNeg); tpr.Add((double)tp / nPos); thr.Add(t);
        }
        return new RocCurve([.. fpr], [.. tpr], [.. thr]);
    }

    /// <summary>The ROC curve of tensors: scores (N), labels (N) bool or 0/1.</summary>
    public static RocCurve Curve(Tensor scores, Tensor labels) => Curve(ToDoubles(scores), ToBools(labels));

    /// <summary>The ROC curve for two groups of scores.</summary>
    public static RocCurve CurveFromGroups(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var (scores, labels) = Concat(positives, negatives);
        return Curve(scores, labels);
    }

    // Indices sorted by ascending score, and the class counts.
    private static (int[] Order, long NPos, long NNeg) Prepare(double[] scores, bool[] labels, string op)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Length != labels.Length)
            throw new ArgumentException($"Auroc.{op}: {scores.Length} scores for {labels.Length} labels; pass one label per score.", nameof(labels));
        long nPos = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Auroc.{op}: score {i} is NaN; drop or replace it first.", nameof(scores));
            if (labels[i]) nPos++;
        }
        long nNeg = scores.Length - nPos;
        if (nPos == 0 || nNeg == 0)
            throw new ArgumentException($"Auroc.{op}: needs both classes, got {nPos} positives and {nNeg} negatives; the ROC is undefined.", nameof(labels));
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort((double[])scores.Clone(), order);
        return (order, nPos, nNeg);
    }

    private static int TieGroupEnd(double[] scores, int[] order, int start)
    {
        int end = start;
        while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
        return end;
    }

    private static (double[] Scores, bool[] Labels) Concat(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        var scores = positives.Concat(negatives).ToArray();
        var labels = new bool[scores.Length];
        for (int i = 0; i < positives.Count; i++) labels[i] = true;
        return (scores, labels);
    }

    private static double[] ToDoubles(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var scope = NewDisposeScope();
        return t.detach().flatten().to(float64).cpu().data<double>().ToArray();
    }

    private static bool[] ToBools(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var scope = NewDisposeScope();
        return t.detach().flatten().ne(0).cpu().data<bool>().ToArray();
    }
}
