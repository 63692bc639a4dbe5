using System.Diagnostics;
using NotebookKit.Data;
using NotebookKit.Metrics;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using NotebookKit.Tests.Data;
using Xunit.Abstractions;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Models;

public class FashionClassifierTests(ITestOutputHelper output)
{
    [Fact]
    public void ShapesOfFeaturesAndLogits()
    {
        var net = new FashionClassifier(new Generator(0));
        var x = Torch.Rand([6, 1, 28, 28], new Generator(1));
        Assert.Equal([6, FashionClassifier.FeatureDim], net.Features(x).Shape);
        Assert.Equal([6, 10], net.Logits(x).Shape);
        Assert.Equal([6, 10], net.Logits(x.Flatten(1)).Shape);
        Assert.Equal([6, 128], net.FeaturesOf(x, batchSize: 4).Shape);
        Assert.True(net.Training); // FeaturesOf restores the mode
        Assert.Throws<ShapeMismatchException>(() => net.Logits(Torch.Rand(2, 100)));
    }

    [Fact]
    public void SameSeedGivesTheSameWeightsBitForBitAfterAFewSteps()
    {
        var x = Torch.Rand([32, 1, 28, 28], new Generator(2));
        var y = Enumerable.Range(0, 32).Select(i => i % 10).ToArray();
        float[][] Run()
        {
            var net = new FashionClassifier(new Generator(7));
            var opt = new Adam(net.Parameters(), lr: 1e-3f);
            for (int s = 0; s < 2; s++)
            {
                opt.ZeroGrad();
                F.CrossEntropy(net.Logits(x), y).Backward();
                opt.Step();
            }
            return net.StateDict().OrderBy(kv => kv.Key).Select(kv => kv.Value.ToArray()).ToArray();
        }
        var a = Run(); var b = Run();
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i]);
        var other = new FashionClassifier(new Generator(8)).StateDict()["head.weight"].ToArray();
        Assert.NotEqual(new FashionClassifier(new Generator(7)).StateDict()["head.weight"].ToArray(), other);
    }

    [Fact]
    public void AccuracyHelper()
    {
        var logits = Torch.Tensor(new float[,] { { 2, 1, 0 }, { 0, 3, 1 }, { 1, 0, 5 }, { 9, 0, 0 } });
        Assert.Equal([0, 1, 2, 0], Accuracy.Predict(logits));
        Assert.Equal(0.75, Accuracy.FromLogits(logits, [0, 1, 2, 1]));
        Assert.Throws<ArgumentException>(() => Accuracy.FromPredictions([1, 2], [1]));
    }

    [RequiresDataFact("fashion-mnist")]
    public void OneEpochOnASubsetLearns()
    {
        var train = FashionMnist.Load(train: true).Take(3000);
        var test = FashionMnist.Load(train: false).Take(1000);
        var net = FashionClassifier.TrainNew(train, seed: 1, epochs: 1);
        double acc = net.Evaluate(test);
        Assert.False(net.Training);
        Assert.True(acc > 0.65, $"test accuracy after one epoch on 3000 images: {acc:P1}");
    }

    /// <summary>Trains once (about a minute on two free cores) and caches data/models/fashion-classifier-seed0.safetensors; loads it afterwards.</summary>
    [RequiresDataFact("fashion-mnist")]
    public void LoadOrTrainReachesNinetyPercentOnTheTestSet()
    {
        var sw = Stopwatch.StartNew();
        var net = FashionClassifier.LoadOrTrain(seed: 0, log: new OutputWriter(output));
        output.WriteLine($"LoadOrTrain: {sw.Elapsed.TotalSeconds:F1} s");
        Assert.True(File.Exists(FashionClassifier.CachePath(seed: 0)));
        var test = FashionMnist.Load(train: false);
        double acc = net.Evaluate(test);
        output.WriteLine($"test accuracy {acc:P2}");
        Assert.True(acc >= 0.90, $"test accuracy {acc:P2}");
        Assert.Equal(net.TestAccuracy!.Value, acc, 12); // the cached figure is the one measured
        var again = FashionClassifier.LoadOrTrain(seed: 0); // from the cache, same weights
        Assert.Equal(net.StateDict()["head.weight"].ToArray(), again.StateDict()["head.weight"].ToArray());
    }

    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
