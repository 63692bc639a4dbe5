using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// The classical anomaly-detection baseline: ML.NET's <see cref="RandomizedPcaTrainer"/> fits a rank-k PCA of "normal"
/// data by randomized SVD (Halko, Martinsson &amp; Tropp 2011) and scores a point by how far it lies from that
/// subspace relative to its distance from the mean, score = ‖(x − μ) − P(x − μ)‖ / ‖x − μ‖ in [0, 1] (P the projection
/// on the k axes; the sine of the angle between x − μ and the subspace) — a linear model of the normal data, against which a VAE's −ELBO is the nonlinear, probabilistic score.
/// Higher = more anomalous. AUC comes from ML.NET's own anomaly evaluator, so the course's <see cref="Auroc"/> can be
/// checked against it.
/// <example><code>
/// var detector = PcaAnomalyDetector.Fit(normalTrain, rank: 20);       // (N, d) features of normal data only
/// double[] scores = detector.Score(testX);                              // (M) scores, higher = more anomalous
/// double auc = detector.Auc(testX, isAnomaly);                          // ML.NET's AnomalyDetection.Evaluate
/// </code></example>
/// </summary>
public sealed class PcaAnomalyDetector
{
    private readonly MLContext ml;
    private readonly ITransformer model;

    /// <summary>The feature size d the detector was fitted on.</summary>
    public int FeatureSize { get; }

    /// <summary>Rank k of the PCA subspace.</summary>
    public int Rank { get; }

    private PcaAnomalyDetector(MLContext ml, ITransformer model, int featureSize, int rank)
    {
        (this.ml, this.model, FeatureSize, Rank) = (ml, model, featureSize, rank);
    }

    /// <summary>Fits on normal data <paramref name="features"/> (N, d) (or (N, …), flattened).</summary>
    /// <param name="features">(N, d) features of normal data only.</param>
    /// <param name="rank">k, the number of principal components kept (ML.NET's default is 20).</param>
    /// <param name="oversampling">Extra random directions of the randomized SVD (more = closer to exact PCA).</param>
    /// <param name="seed">Seeds the random projection.</param>
    public static PcaAnomalyDetector Fit(Tensor features, int rank = 20, int oversampling = 20, int seed = 0) =>
        Fit(MlNetData.Rows(features, "PcaAnomalyDetector.Fit"), rank, oversampling, seed);

    /// <summary>Fits on rows of normal features, each of length d.</summary>
    public static PcaAnomalyDetector Fit(float[][] features, int rank = 20, int oversampling = 20, int seed = 0)
    {
        int d = MlNetData.FeatureSize(features, "PcaAnomalyDetector.Fit");
        if (rank < 1 || rank >= d)
            throw new ArgumentOutOfRangeException(nameof(rank), $"PcaAnomalyDetector.Fit: rank must be in [1, {d - 1}] for {d} features, got {rank}.");
        if (features.Length <= rank)
            throw new ArgumentException($"PcaAnomalyDetector.Fit: {features.Length} examples cannot fit a rank-{rank} PCA; give more than {rank} rows.", nameof(features));
        var ml = new MLContext(seed);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            Rank = rank, Oversampling = oversampling, EnsureZeroMean = true, Seed = seed,
        });
        var model = trainer.Fit(MlNetData.Anomaly(ml, features, null, d));
        return new PcaAnomalyDetector(ml, model, d, rank);
    }

    /// <summary>Anomaly scores, (N, d) → (N): ‖(x − μ) − P(x − μ)‖ / ‖x − μ‖, higher = farther from the normal data's principal subspace.</summary>
    public double[] Score(Tensor features) => Score(MlNetData.Rows(features, "PcaAnomalyDetector.Score"));

    /// <summary>Anomaly scores of rows of features.</summary>
    public double[] Score(float[][] features)
    {
        MlNetData.FeatureSize(features, "PcaAnomalyDetector.Score", FeatureSize);
        var scored = model.Transform(MlNetData.Anomaly(ml, features, null, FeatureSize));
        return MlNetData.Column(scored, "Score").Select(s => (double)s).ToArray();
    }

    /// <summary>Area under the ROC curve of the scores on labelled data, by ML.NET's anomaly evaluator
    /// (<c>AnomalyDetection.Evaluate</c>): P(score of an anomaly &gt; score of a normal point).</summary>
    public double Auc(Tensor features, Tensor isAnomaly)
    {
        using var scope = NewDisposeScope();
        var labels = isAnomaly.detach().flatten().ne(0).cpu().data<bool>().ToArray();
        return Auc(MlNetData.Rows(features, "PcaAnomalyDetector.Auc"), labels);
    }

    /// <summary>AUC of the scores of rows of features against bool labels (true = anomaly).</summary>
    public double Auc(float[][] features, bool[] isAnomaly)
    {
        MlNetData.FeatureSize(features, "PcaAnomalyDetector.Auc", FeatureSize);
        ArgumentNullException.ThrowIfNull(isAnomaly);
        if (isAnomaly.Length != features.Length)
            throw new ArgumentException($"PcaAnomalyDetector.Auc: {features.Length} feature rows but {isAnomaly.Length} labels; pass one label per row.", nameof(isAnomaly));
        int positives = isAnomaly.Count(a => a);
        if (positives == 0 || positives == isAnomaly.Length)
            throw new ArgumentException($"PcaAnomalyDetector.Auc: needs both anomalies and normal points, got {positives} anomalies of {isAnomaly.Length}.", nameof(isAnomaly));
        var scored = model.Transform(MlNetData.Anomaly(ml, features, isAnomaly, FeatureSize));
        return ml.AnomalyDetection.Evaluate(scored).AreaUnderRocCurve;
    }

    public override string ToString() => $"PcaAnomalyDetector: ML.NET randomized PCA, rank {Rank} of {FeatureSize} features";
}
