using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Tests.Metrics;

public class AccuracyTests
{
    [Fact]
    public void FromLogitsCountsArgMaxMatches()
    {
        var logits = tensor(new float[] { 2, 1, 0, 0, 3, 1, 1, 0, 5, 0, 0, 1 }).reshape(4, 3); // arg-max 0, 1, 2, 2
        var labels = tensor(new long[] { 0, 1, 2, 0 });
        Assert.Equal(0.75, Accuracy.FromLogits(logits, labels));
        Assert.Equal(new long[] { 0, 1, 2, 2 }, Accuracy.Predict(logits).data<long>().ToArray());
        Assert.Equal(0.75, Accuracy.FromLogits(logits.softmax(1), labels)); // probabilities: same arg-max
    }

    [Fact]
    public void EvaluateCountsEveryBatchAndRestoresTheMode()
    {
        // A fixed linear classifier on 2-d points: class = 1 when x₀ > x₁ (logits (x₁, x₀)).
        var model = Sequential(("fc", Linear(2, 2, hasBias: false)));
        using (no_grad()) model.parameters().First().copy_(tensor(new float[] { 0, 1, 1, 0 }).reshape(2, 2));
        var X = tensor(new float[] { 1, 0, 0, 1, 2, 1, 1, 3, 5, 4, 0, 2 }).reshape(6, 2);    // classes 1, 0, 1, 0, 1, 0
        var y = tensor(new long[] { 1, 0, 1, 1, 1, 0 });                                       // one wrong label
        var batches = new List<(Tensor, Tensor)> { (X[..4], y[..4]), (X[4..], y[4..]) };
        model.train();
        Assert.Equal(5 / 6.0, Accuracy.Evaluate(model, batches), 12);
        Assert.True(model.training, "Evaluate must restore training mode");
    }

    [Fact]
    public void RejectsMismatchedShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Accuracy.FromLogits(zeros(4, 3), zeros(5, dtype: int64)));
        Assert.Contains("(4)", e.Message);
        Assert.Throws<ArgumentException>(() => Accuracy.FromLogits(zeros(4), zeros(4, dtype: int64)));
    }
}
