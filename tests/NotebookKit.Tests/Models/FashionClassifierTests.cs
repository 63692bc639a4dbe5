using System.Text.Json;
using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class FashionClassifierTests
{
    [Fact]
    public void ShapesOfFeaturesAndLogitsAndParameterCount()
    {
        var net = new FashionClassifier(seed: 0);
        var x = rand([6, 1, 28, 28], generator: new Generator(1));
        Assert.Equal([6L, FashionClassifier.FeatureDim], net.features(x).shape);
        Assert.Equal([6L, 10], net.forward(x).shape);
        Assert.Equal([6L, 10], net.forward(x.flatten(1)).shape);
        // Conv(1, 32, 4) 544 + BN 64 + Conv(32, 64, 4) 32,832 + BN 128 + Linear(3136, 128) 401,536 + Linear(128, 10) 1,290
        Assert.Equal(436_394, GanTestTensors.Count(net));
        Assert.Contains("body.0.weight", net.state_dict().Keys);
        Assert.Contains("head.weight", net.state_dict().Keys);
        var e = Assert.Throws<ArgumentException>(() => net.forward(rand(2, 100)));
        Assert.Contains("(2, 100)", e.Message);
    }

    [Fact]
    public void ASeedFixesEveryWeight()
    {
        torch.manual_seed(1);
        var a = new FashionClassifier(seed: 5).state_dict();
        torch.manual_seed(2);
        var b = new FashionClassifier(seed: 5).state_dict();
        Assert.All(a.Keys, k => Assert.True(GanTestTensors.Same(a[k], b[k]), k));
        Assert.False(GanTestTensors.Same(a["head.weight"], new FashionClassifier(seed: 6).state_dict()["head.weight"]));
        // PyTorch's default: Linear(3136, 128) ~ U(±1/√3136) = U(±0.0179)
        Assert.InRange(a["body.7.weight"].abs().max().item<float>(), 0.0178f, 1f / 56f);
    }

    [Fact]
    public void FeaturesOfIsBatchedEvalModeAndRestoresTheMode()
    {
        var net = new FashionClassifier(seed: 1);
        var x = rand([7, 1, 28, 28], generator: new Generator(2));
        var batched = net.FeaturesOf(x, batchSize: 3);               // batches of 3, 3, 1
        Assert.True(net.training);
        net.eval();
        using (no_grad()) Assert.True(batched.allclose(net.features(x), rtol: 1e-4, atol: 1e-5));
        Assert.False(batched.requires_grad);
    }

    [Fact]
    public void LoadOrTrainTrainsOnceSavesAtomicallyAndLoadsTheSameWeights()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"nk-clf-{Guid.NewGuid():N}");
        try
        {
            var (train, test) = (Blocks(120, seed: 1), Blocks(60, seed: 2));
            int asked = 0;
            Func<IEnumerable<(Tensor X, Tensor y)>> Give(List<(Tensor, Tensor)> b) => () => { asked++; return b; };

            var trained = FashionClassifier.LoadOrTrain(dir, Give(train), Give(test), seed: 3, epochs: 2);
            Assert.Equal(2, asked);
            Assert.False(trained.training);
            Assert.Equal(ClassifierTraining.Accuracy(trained, test), trained.TestAccuracy!.Value, 12);
            Assert.True(trained.TestAccuracy > 0.5, $"accuracy on the block classes: {trained.TestAccuracy:P1}");
            Assert.Equal(["fashion-classifier-torch-seed3.json", "fashion-classifier-torch-seed3.safetensors"],
                Directory.GetFiles(dir).Select(Path.GetFileName).Order());   // no temp file left behind
            using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "fashion-classifier-torch-seed3.json"))))
            {
                Assert.Equal(3, json.RootElement.GetProperty("seed").GetInt64());
                Assert.Equal(2, json.RootElement.GetProperty("epochs").GetInt32());
                Assert.Equal(trained.TestAccuracy.Value, json.RootElement.GetProperty("testAccuracy").GetDouble(), 12);
            }

            var loaded = FashionClassifier.LoadOrTrain(dir, Give(train), Give(test), seed: 3, epochs: 2);
            Assert.Equal(2, asked);                                           // from the cache: no data asked for
            Assert.Equal(trained.TestAccuracy, loaded.TestAccuracy);
            Assert.False(loaded.training);
            var (a, b) = (trained.state_dict(), loaded.state_dict());
            Assert.All(a.Keys, k => Assert.True(GanTestTensors.Same(a[k], b[k]), k));       // weights and batch-norm statistics
            using (no_grad()) Assert.True(GanTestTensors.Same(trained.forward(test[0].Item1), loaded.forward(test[0].Item1)));

            FashionClassifier.LoadOrTrain(dir, Give(train), Give(test), seed: 3, epochs: 1);   // another run: retrains
            Assert.Equal(4, asked);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    // n images (N, 1, 28, 28) in batches of 20; class c (of 10) lights rows 2c..2c+2, plus noise: learnable in a few steps.
    internal static List<(Tensor, Tensor)> Blocks(int n, int seed)
    {
        var g = new Generator((ulong)seed);
        var y = randint(10, [n], generator: g);
        var X = rand([n, 1, 28, 28], generator: g) * 0.3f;
        for (int i = 0; i < n; i++)
        {
            long c = y[i].item<long>();
            X[i, 0, TensorIndex.Slice(2 * c + 4, 2 * c + 6)] += 0.7f;
        }
        return Enumerable.Range(0, n / 20).Select(b => (X.narrow(0, 20 * b, 20), y.narrow(0, 20 * b, 20))).ToList();
    }
}
