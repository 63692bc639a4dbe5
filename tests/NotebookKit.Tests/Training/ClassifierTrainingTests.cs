using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Tests.Training;

public class ClassifierTrainingTests
{
    [Fact]
    public void StepLowersTheLossOnATinySyntheticSet()
    {
        var model = SeededInit.Build(0, () => Sequential(Flatten(), Linear(16, 3)));
        var g = new Generator(1);
        var y = randint(3, [30], generator: g);
        var X = randn([30, 1, 4, 4], generator: g) * 0.5f + functional.one_hot(y, 16).to(float32).reshape(30, 1, 4, 4) * 2f;
        var opt = optim.Adam(model.parameters(), lr: 0.05, beta1: 0.9, beta2: 0.999);
        var losses = Enumerable.Range(0, 30).Select(_ => ClassifierTraining.Step(model, opt, X, y)).ToList();
        Assert.True(losses[^1] < 0.3f * losses[0], $"loss {losses[0]:F3} → {losses[^1]:F3}");
        Assert.Equal(1.0, ClassifierTraining.Accuracy(model, [(X, y)]));
    }

    [Fact]
    public void EpochReturnsTheMeanLossPerSampleOverUnequalBatches()
    {
        var model = SeededInit.Build(0, () => Linear(4, 3));
        var g = new Generator(2);
        var X = randn([10, 4], generator: g);
        var y = randint(3, [10], generator: g);
        var frozen = optim.SGD(model.parameters(), learningRate: 0.0);   // lr 0: every batch sees the same weights
        var steps = new List<float>();
        float mean = ClassifierTraining.Epoch(model, frozen, [(X[..7], y[..7]), (X[7..], y[7..])], steps.Add);
        float expected;
        using (no_grad()) expected = functional.cross_entropy(model.forward(X), y).item<float>();
        Assert.Equal(expected, mean, 5);                                  // (7·mean₁ + 3·mean₂) / 10, not (mean₁ + mean₂) / 2
        Assert.Equal(2, steps.Count);
        Assert.NotEqual(expected, (steps[0] + steps[1]) / 2, 3);
        Assert.Throws<ArgumentException>(() => ClassifierTraining.Epoch(model, frozen, []));
    }

    [Fact]
    public void AccuracyCountsArgMaxHitsAndRestoresTheMode()
    {
        var model = Linear(3, 3, hasBias: false);
        using (no_grad()) model.weight!.copy_(eye(3));                   // logits = x
        var X = tensor(new float[,] { { 2, 1, 0 }, { 0, 3, 1 }, { 1, 0, 5 }, { 9, 0, 0 } });
        var y = tensor(new long[] { 0, 1, 2, 1 });
        model.train();
        Assert.Equal(0.75, ClassifierTraining.Accuracy(model, [(X[..2], y[..2]), (X[2..], y[2..])]));
        Assert.True(model.training);
    }
}
