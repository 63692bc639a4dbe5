using NotebookKit.Metrics;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Metrics;

public class AurocTests
{
    [Fact]
    public void PerfectReversedAndTied()
    {
        Assert.Equal(1.0, Auroc.FromGroups([3, 4, 5], [0, 1, 2]));
        Assert.Equal(0.0, Auroc.FromGroups([0, 1, 2], [3, 4, 5]));
        Assert.Equal(0.5, Auroc.FromGroups([1, 1, 1], [1, 1]));
    }

    [Fact]
    public void HandComputedSmallCaseWithATie()
    {
        // Positives {0.9, 0.5, 0.3}, negatives {0.5, 0.2}: pairs (pos > neg) = 0.9>0.5, 0.9>0.2, 0.5>0.2, 0.3>0.2 = 4,
        // one tie (0.5, 0.5) = ½, out of 6 pairs: AUROC = 4.5 / 6 = 0.75.
        double[] scores = [0.9, 0.5, 0.3, 0.5, 0.2];
        bool[] labels = [true, true, true, false, false];
        Assert.Equal(0.75, Auroc.Compute(scores, labels), 12);
        var roc = Auroc.Curve(scores, labels);
        Assert.Equal(0.75, roc.Area(), 12);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 1 / 3.0, 2 / 3.0, 1, 1], roc.TruePositiveRate);
        Assert.Equal([double.PositiveInfinity, 0.9, 0.5, 0.3, 0.2], roc.Thresholds);
    }

    [Fact]
    public void RandomScoresGiveAboutOneHalf()
    {
        var g = new Generator(5);
        var scores = Enumerable.Range(0, 20000).Select(_ => g.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, 20000).Select(_ => g.NextFloat() < 0.3f).ToArray();
        double auc = Auroc.Compute(scores, labels);
        Assert.InRange(auc, 0.48, 0.52); // sd ≈ 0.0045
        Assert.Equal(auc, Auroc.Curve(scores, labels).Area(), 10);
    }

    [Fact]
    public void MatchesTheBruteForcePairCount()
    {
        var g = new Generator(6);
        var pos = Enumerable.Range(0, 60).Select(_ => (double)g.NextInt(10)).ToArray(); // many ties
        var neg = Enumerable.Range(0, 40).Select(_ => (double)g.NextInt(8)).ToArray();
        double pairs = 0;
        foreach (var p in pos) foreach (var q in neg) pairs += p > q ? 1 : p == q ? 0.5 : 0;
        Assert.Equal(pairs / (60 * 40), Auroc.FromGroups(pos, neg), 12);
        Assert.Equal(pairs / (60 * 40), Auroc.CurveFromGroups(pos, neg).Area(), 12);
    }

    [Fact]
    public void RejectsOneClassAndMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => Auroc.Compute([1, 2], [true, true]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([double.NaN, 2], [true, false]));
    }
}
