using NotebookKit.Data;
using NotebookKit.Metrics;
using NotebookKit.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class LinearProbeTests
{
    // Three Gaussian blobs in 5-d, centres 8 apart along the axes, σ = 1: linearly separable with probability ≈ 1.
    private static (Tensor X, Tensor y) Blobs(int perClass, ulong seed, double spread = 8)
    {
        var g = new Generator(seed);
        var centres = spread * eye(3, 5);                                                    // (3, 5)
        var y = arange(3, dtype: int64).repeat_interleave(perClass);                         // (3n)
        var X = centres.index_select(0, y) + randn(3 * perClass, 5, generator: g);           // (3n, 5)
        return (X.to(float32), y);
    }

    [Fact]
    public void SeparableBlobsAreClassifiedPerfectlyAndRandomLabelsAtChance()
    {
        var (Xtr, ytr) = Blobs(50, 1);
        var (Xte, yte) = Blobs(200, 2);
        var probe = LinearProbe.Fit(Xtr, ytr);
        Assert.Equal((5, 3, 150), (probe.FeatureSize, probe.NumClasses, probe.TrainCount));
        Assert.True(probe.Score(Xte, yte) >= 0.99, $"separable blobs: test accuracy {probe.Score(Xte, yte)}");

        // Labels that carry no information about the features: the probe cannot beat chance (1/3) on fresh data.
        var shuffled = ytr.index_select(0, randperm(150, generator: new Generator(3)));
        var noise = LinearProbe.Fit(randn(150, 5, generator: new Generator(4)), shuffled);
        double chance = noise.Score(randn(600, 5, generator: new Generator(5)), Blobs(200, 6).y);
        Assert.InRange(chance, 0.2, 0.47);
    }

    [Fact]
    public void PredictAgreesWithScoreAndFloatArraysWithTensors()
    {
        var (Xtr, ytr) = Blobs(30, 7, spread: 2);     // overlapping: some errors, so agreement is not trivial
        var (Xte, yte) = Blobs(100, 8, spread: 2);
        var probe = LinearProbe.Fit(Xtr, ytr);
        int[] predicted = probe.Predict(Xte);
        long[] truth = yte.data<long>().ToArray();
        double fromPredict = predicted.Where((p, i) => p == truth[i]).Count() / (double)truth.Length;
        double score = probe.Score(Xte, yte);
        Assert.InRange(score, 0.6, 0.98);
        Assert.Equal(fromPredict, score, 12);

        var rows = Enumerable.Range(0, (int)Xtr.shape[0]).Select(i => Xtr[i].data<float>().ToArray()).ToArray();
        var fromArrays = LinearProbe.Fit(rows, ytr.data<long>().ToArray().Select(v => (int)v).ToArray());
        Assert.Equal(predicted, fromArrays.Predict(Xte));
    }

    [Fact]
    public void RowOrderDoesNotChangeTheFit()
    {
        // L-BFGS minimises the full-batch loss, so the same rows in another order give the same classifier.
        var (Xtr, ytr) = Blobs(40, 9, spread: 2);
        var (Xte, _) = Blobs(100, 10, spread: 2);
        var perm = randperm(120, generator: new Generator(11));
        var a = LinearProbe.Fit(Xtr, ytr).Predict(Xte);
        var b = LinearProbe.Fit(Xtr.index_select(0, perm), ytr.index_select(0, perm)).Predict(Xte);
        Assert.Equal(a, b);
    }

    [Fact]
    public void MismatchesNameTheFeatureSizeAndLabelCount()
    {
        var (Xtr, ytr) = Blobs(10, 12);
        var tooFew = Assert.Throws<ArgumentException>(() => LinearProbe.Fit(Xtr, ytr[..20]));
        Assert.Contains("30 feature rows (of size 5) but 20 labels", tooFew.Message);

        var probe = LinearProbe.Fit(Xtr, ytr);
        var wrongSize = Assert.Throws<ArgumentException>(() => probe.Score(randn(4, 7), tensor(new long[] { 0, 1, 2, 0 })));
        Assert.Contains("has 7 values but the model was trained on 5 features", wrongSize.Message);
        Assert.Contains("(N, 5)", wrongSize.Message);

        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => probe.Score(randn(2, 5), tensor(new long[] { 0, 3 })));
        Assert.Contains("label 3 at row 1 is outside [0, 2] (3 classes)", outOfRange.Message);

        var ragged = Assert.Throws<ArgumentException>(() => LinearProbe.Fit([[1f, 2f], [3f]], [0, 1]));
        Assert.Contains("row 1 has 1 values but row 0 has 2", ragged.Message);
    }

    [RequiresDataFact("fashion-mnist")]
    public void PixelsOfAThousandFashionImagesGiveALinearClassifierOfAboutSeventyFivePercent()
    {
        // scikit-learn's LogisticRegression on 1,000 standardised Fashion-MNIST images scores ≈ 0.75–0.80 on the test set.
        using var train = FashionMnist.Load(train: true).Take(1000);
        using var test = FashionMnist.Load(train: false).Take(2000);
        var probe = LinearProbe.Fit(train.X, train.y);
        Assert.Equal((784, 10), (probe.FeatureSize, probe.NumClasses));
        double acc = probe.Score(test.X, test.y);
        Assert.InRange(acc, 0.70, 0.86);
        Assert.True(probe.Score(train.X, train.y) > acc, "training accuracy should exceed test accuracy with 784 features and 1,000 images");
    }
}
