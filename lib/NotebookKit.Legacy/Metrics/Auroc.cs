namespace NotebookKit.Metrics;

/// <summary>
/// Area under the ROC curve, exactly, by the Mann–Whitney U statistic: the probability that a random positive scores
/// higher than a random negative, ties counting ½:
/// AUROC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋), R₊ the sum of the positives' ranks (tied scores share their mean rank).
/// 1 = perfect separation, ½ = chance, 0 = perfectly reversed. Used for anomaly / out-of-distribution detection with
/// reconstruction error or −log p(x) as the score (scikit-learn: <c>roc_auc_score</c>, <c>roc_curve</c>).
/// <example><code>
/// double auc = Auroc.FromGroups(positives: scoresOod, negatives: scoresInDist);
/// var roc = Auroc.Curve(scores, labels);   // plot roc.FalsePositiveRate against roc.TruePositiveRate
/// </code></example>
/// </summary>
public static class Auroc
{
    /// <summary>AUROC of <paramref name="scores"/> (higher = more positive) against <paramref name="labels"/> (true = positive).
    /// O(n log n). Needs at least one positive and one negative.</summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (order, nPos, nNeg) = Prepare(scores, labels, "Compute");
        double rankSumPos = 0;
        int n = order.Length;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            double meanRank = (start + end) / 2.0 + 1; // ranks are 1-based; a tie group shares the mean
            for (int i = start; i <= end; i++) if (labels[order[i]]) rankSumPos += meanRank;
            start = end + 1;
        }
        return (rankSumPos - (double)nPos * (nPos + 1) / 2) / ((double)nPos * nNeg);
    }

    /// <summary>AUROC for two groups of scores: P(positive &gt; negative) + ½ P(tie).</summary>
    public static double FromGroups(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var (scores, labels) = Concat(positives, negatives);
        return Compute(scores, labels);
    }

    /// <summary>The ROC curve: one point per distinct score, from (0, 0) at threshold +∞ to (1, 1).</summary>
    public static RocCurve Curve(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (order, nPos, nNeg) = Prepare(scores, labels, "Curve");
        var fpr = new List<double> { 0 }; var tpr = new List<double> { 0 }; var thr = new List<double> { double.PositiveInfinity };
        int tp = 0, fp = 0, n = order.Length;
        for (int end = n - 1; end >= 0;) // descending score
        {
            double t = scores[order[end]];
            while (end >= 0 && scores[order[end]] == t) { if (labels[order[end]]) tp++; else fp++; end--; }
            fpr.Add((double)fp / nNeg); tpr.Add((double)tp / nPos); thr.Add(t);
        }
        return new RocCurve([.. fpr], [.. tpr], [.. thr]);
    }

    /// <summary>The ROC curve for two groups of scores.</summary>
    public static RocCurve CurveFromGroups(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var (scores, labels) = Concat(positives, negatives);
        return Curve(scores, labels);
    }

    // Indices sorted by ascending score, and the class counts.
    private static (int[] Order, long NPos, long NNeg) Prepare(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, string op)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
            throw new ArgumentException($"Auroc.{op}: {scores.Count} scores for {labels.Count} labels; they must match.", nameof(labels));
        long nPos = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Auroc.{op}: score {i} is NaN.", nameof(scores));
            if (labels[i]) nPos++;
        }
        long nNeg = scores.Count - nPos;
        if (nPos == 0 || nNeg == 0)
            throw new ArgumentException($"Auroc.{op}: needs both classes, got {nPos} positives and {nNeg} negatives; the ROC is undefined.", nameof(labels));
        var order = Enumerable.Range(0, scores.Count).ToArray();
        var keys = new double[scores.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = scores[i];
        Array.Sort(keys, order);
        return (order, nPos, nNeg);
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
}
