using NotebookKit.Data;
using NotebookKit.Metrics;
using NotebookKit.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class PcaAnomalyDetectorTests
{
    [Fact]
    public void PointsOffAPlantedSubspaceScoreHigher()
    {
        // Normal data: a 3-d subspace of 20-d (offset 1) plus 0.05 noise; anomalies: the same plus an off-subspace offset of size 2.
        var g = new Generator(1);
        var basis = linalg.qr(randn(20, 3, dtype: float64, generator: g)).Q.T.to(float32);          // (3, 20)
        var normalTrain = randn(500, 3, generator: g).mul(3).matmul(basis) + 0.05f * randn(500, 20, generator: g) + 1f;
        var normalTest = randn(200, 3, generator: g).mul(3).matmul(basis) + 0.05f * randn(200, 20, generator: g) + 1f;
        var off = randn(50, 20, generator: g);
        off = off - off.matmul(basis.T).matmul(basis);                                               // orthogonal to the subspace
        var anomalies = randn(50, 3, generator: g).mul(3).matmul(basis) + 2 * off / off.norm(1, true, 2) + 1f;
        var detector = PcaAnomalyDetector.Fit(normalTrain, rank: 3);
        var X = cat([normalTest, anomalies]);
        var isAnomaly = cat([zeros(200, dtype: ScalarType.Bool), ones(50, dtype: ScalarType.Bool)]);
        double auc = detector.Auc(X, isAnomaly);
        Assert.True(auc > 0.99, $"AUC {auc}");
        // The score is the relative residual ‖(x − μ) − P(x − μ)‖ / ‖x − μ‖, P the projection on the fitted subspace: here
        // the planted one (the fit recovers it up to the 0.05 noise).
        var scores = detector.Score(X);
        var xc = X - normalTrain.mean([0]);
        var expected = (xc - xc.matmul(basis.T).matmul(basis)).norm(1) / xc.norm(1);                 // (250)
        var e = expected.data<float>().ToArray();
        for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(scores[i] - e[i]) < 0.02, $"point {i}: score {scores[i]}, relative residual {e[i]}");
    }

    [RequiresDataFact("fashion-mnist")]
    public void MlNetAucAgreesWithAurocOnTheSameScores()
    {
        // Normal = the nine classes other than Bag; the detector's scores on 2,000 test images, AUC both ways.
        using var train = FashionMnist.Load(train: true).Take(3000);
        using var test = FashionMnist.Load(train: false).Take(2000);
        var keep = train.y.ne(8).nonzero().flatten();
        var detector = PcaAnomalyDetector.Fit(train.X.index_select(0, keep), rank: 20);
        var isBag = test.y.eq(8);
        double mlNet = detector.Auc(test.X, isBag);
        double ours = Auroc.Compute(tensor(detector.Score(test.X)), isBag);
        Assert.InRange(mlNet, 0.55, 0.99);        // a real, imperfect detector: the agreement is not 1 = 1
        Assert.True(Math.Abs(mlNet - ours) < 1e-6, $"ML.NET AUC {mlNet} vs Auroc {ours}");
    }

    [Fact]
    public void MismatchesNameTheSizes()
    {
        var detector = PcaAnomalyDetector.Fit(randn(50, 10, generator: new Generator(2)), rank: 2);
        var e = Assert.Throws<ArgumentException>(() => detector.Score(randn(3, 12)));
        Assert.Contains("has 12 values but the model was trained on 10 features", e.Message);
        var labels = Assert.Throws<ArgumentException>(() => detector.Auc(randn(4, 10), tensor(new[] { true, false })));
        Assert.Contains("4 feature rows but 2 labels", labels.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PcaAnomalyDetector.Fit(randn(50, 10), rank: 10));
    }
}
