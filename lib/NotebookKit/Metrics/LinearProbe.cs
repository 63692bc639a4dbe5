using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// A linear probe: how much of the class a representation makes linearly readable. A multinomial logistic regression
/// (ML.NET's <see cref="LbfgsMaximumEntropyMulticlassTrainer"/>) on standardised features
/// (<c>NormalizeMeanVariance</c>, as scikit-learn's <c>StandardScaler</c>), p(y = c | x) = softmax(Wx + b)_c, fitted by
/// minimising Σᵢ −log p(yᵢ | xᵢ) + (λ/2)‖W‖² — scikit-learn's <c>LogisticRegression()</c> (lbfgs, C = 1/λ = 1).
/// L-BFGS rather than SDCA: a full-batch quasi-Newton method reaches the same optimum on the same data whatever the
/// order of the rows, and works as well with 100 examples as with 60,000; SDCA is stochastic (its result depends on
/// the row order and thread count) and tunes its regularisation from the data size.
/// <example><code>
/// var probe = LinearProbe.Fit(codesTrain, yTrain);     // (N, d) float tensor or float[][], (N) labels 0 … K − 1
/// double acc = probe.Score(codesTest, yTest);          // accuracy on a test set, in [0, 1]
/// int[] predicted = probe.Predict(codesTest);           // (N) classes
/// </code></example>
/// </summary>
public sealed class LinearProbe
{
    private readonly MLContext ml;
    private readonly ITransformer model;

    /// <summary>The feature size d the probe was trained on.</summary>
    public int FeatureSize { get; }

    /// <summary>The number of classes K; labels are 0 … K − 1.</summary>
    public int NumClasses { get; }

    /// <summary>Training examples.</summary>
    public int TrainCount { get; }

    private LinearProbe(MLContext ml, ITransformer model, int featureSize, int numClasses, int trainCount)
    {
        (this.ml, this.model, FeatureSize, NumClasses, TrainCount) = (ml, model, featureSize, numClasses, trainCount);
    }

    /// <summary>Trains on <paramref name="features"/> (N, d) (or (N, …), flattened) and integer <paramref name="labels"/> (N).</summary>
    /// <param name="features">(N, d) float features, one row per example.</param>
    /// <param name="labels">(N) class indices 0 … K − 1.</param>
    /// <param name="numClasses">K; by default the largest label + 1.</param>
    /// <param name="l2">λ, the L2 weight on the summed loss (scikit-learn's 1/C).</param>
    /// <param name="maxIterations">L-BFGS iterations at most (scikit-learn's max_iter).</param>
    /// <param name="seed">Seeds ML.NET's context.</param>
    public static LinearProbe Fit(Tensor features, Tensor labels, int? numClasses = null, float l2 = 1f, int maxIterations = 100, int seed = 0) =>
        Fit(MlNetData.Rows(features, "LinearProbe.Fit"), MlNetData.Labels(labels, "LinearProbe.Fit"), numClasses, l2, maxIterations, seed);

    /// <summary>Trains on rows of features (each of length d) and integer labels 0 … K − 1, one per row.</summary>
    public static LinearProbe Fit(float[][] features, int[] labels, int? numClasses = null, float l2 = 1f, int maxIterations = 100, int seed = 0)
    {
        int d = MlNetData.FeatureSize(features, "LinearProbe.Fit");
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.Length)
            throw new ArgumentException($"LinearProbe.Fit: {features.Length} feature rows (of size {d}) but {labels.Length} labels; pass one label per row.", nameof(labels));
        int k = numClasses ?? labels.Max() + 1;
        if (k < 2) throw new ArgumentException($"LinearProbe.Fit: needs at least 2 classes, got labels in [{labels.Min()}, {labels.Max()}] (numClasses {k}).", nameof(labels));
        CheckLabels(labels, k, "LinearProbe.Fit");
        var ml = new MLContext(seed);
        var data = MlNetData.Multiclass(ml, features, labels, d, k);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0, L2Regularization = l2, MaximumNumberOfIterations = maxIterations,
            }));
        return new LinearProbe(ml, pipeline.Fit(data), d, k, features.Length);
    }

    /// <summary>The predicted class of each row: (N, d) → (N).</summary>
    public int[] Predict(Tensor features) => Predict(MlNetData.Rows(features, "LinearProbe.Predict"));

    /// <summary>The predicted class of each row of features.</summary>
    public int[] Predict(float[][] features)
    {
        MlNetData.FeatureSize(features, "LinearProbe.Predict", FeatureSize);
        var scored = model.Transform(MlNetData.Multiclass(ml, features, new int[features.Length], FeatureSize, NumClasses));
        return scored.GetColumn<uint>("PredictedLabel").Select(key => (int)key - 1).ToArray();   // keys are 1-based
    }

    /// <summary>Accuracy on a test set (ML.NET's micro-accuracy: correct / N), in [0, 1].</summary>
    public double Score(Tensor features, Tensor labels) => Evaluate(features, labels).MicroAccuracy;

    /// <summary>Accuracy on rows of features and their labels.</summary>
    public double Score(float[][] features, int[] labels) => Evaluate(features, labels).MicroAccuracy;

    /// <summary>ML.NET's multiclass metrics on a test set: accuracy (micro and macro), log-loss, confusion matrix.</summary>
    public MulticlassClassificationMetrics Evaluate(Tensor features, Tensor labels) =>
        Evaluate(MlNetData.Rows(features, "LinearProbe.Evaluate"), MlNetData.Labels(labels, "LinearProbe.Evaluate"));

    /// <summary>ML.NET's multiclass metrics on rows of features and their labels.</summary>
    public MulticlassClassificationMetrics Evaluate(float[][] features, int[] labels)
    {
        MlNetData.FeatureSize(features, "LinearProbe.Evaluate", FeatureSize);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.Length)
            throw new ArgumentException($"LinearProbe.Evaluate: {features.Length} feature rows but {labels.Length} labels; pass one label per row.", nameof(labels));
        CheckLabels(labels, NumClasses, "LinearProbe.Evaluate");
        var scored = model.Transform(MlNetData.Multiclass(ml, features, labels, FeatureSize, NumClasses));
        return ml.MulticlassClassification.Evaluate(scored);
    }

    public override string ToString() =>
        $"LinearProbe: multinomial logistic regression (ML.NET L-BFGS) on {FeatureSize} standardised features, {NumClasses} classes, trained on {TrainCount} examples";

    private static void CheckLabels(int[] labels, int numClasses, string op)
    {
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] < 0 || labels[i] >= numClasses)
                throw new ArgumentOutOfRangeException(nameof(labels),
                    $"{op}: label {labels[i]} at row {i} is outside [0, {numClasses - 1}] ({numClasses} classes); labels must be 0 … K − 1.");
    }
}
