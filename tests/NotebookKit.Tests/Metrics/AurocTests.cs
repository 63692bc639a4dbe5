using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

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
        // Positives {0.9, 0.5, 0.3}, negatives {0.5, 0.2}: pairs with pos > neg: 0.9>0.5, 0.9>0.2, 0.5>0.2, 0.3>0.2 = 4,
        // one tie (0.5, 0.5) = ½, of 6 pairs: AUROC = 4.5 / 6 = 0.75.
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
    public void TensorsGiveTheSameValues()
    {
        var scores = tensor(new float[] { 0.9f, 0.5f, 0.3f, 0.5f, 0.2f });
        var labels = tensor(new long[] { 1, 1, 1, 0, 0 });
        Assert.Equal(0.75, Auroc.Compute(scores, labels), 6);
        Assert.Equal(0.75, Auroc.Curve(scores, labels.to(ScalarType.Bool)).Area(), 6);
    }

    [Fact]
    public void RandomScoresGiveAboutOneHalf()
    {
        var g = new Generator(5);
        var scores = rand(20000, dtype: float64, generator: g);
        var labels = rand(20000, generator: g) < 0.3;
        double auc = Auroc.Compute(scores, labels);
        Assert.InRange(auc, 0.48, 0.52); // sd ≈ 0.0045
        Assert.Equal(auc, Auroc.Curve(scores, labels).Area(), 10);
    }

    [Fact]
    public void MatchesTheBruteForcePairCountWithManyTies()
    {
        var g = new Generator(6);
        var pos = randint(10, [60], generator: g).to(float64).data<double>().ToArray();
        var neg = randint(8, [40], generator: g).to(float64).data<double>().ToArray();
        double pairs = 0;
        foreach (var p in pos) foreach (var q in neg) pairs += p > q ? 1 : p == q ? 0.5 : 0;
        Assert.Equal(pairs / (60 * 40), Auroc.FromGroups(pos, neg), 12);
        Assert.Equal(pairs / (60 * 40), Auroc.CurveFromGroups(pos, neg).Area(), 12);
    }

    [Fact]
    public void RejectsOneClassMismatchedLengthsAndNaN()
    {
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => Auroc.Compute([1, 2], [true, true])).Message);
        Assert.Throws<ArgumentException>(() => Auroc.Compute([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([double.NaN, 2], [true, false]));
    }
}
