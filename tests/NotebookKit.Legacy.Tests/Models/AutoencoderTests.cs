using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using NotebookKit.Tests.Data;

namespace NotebookKit.Tests.Models;

public class AutoencoderTests
{
    [Fact]
    public void ShapesAndParameterNames()
    {
        var ae = new Autoencoder(784, [256], codeDim: 32, generator: new Generator(0));
        var x = Torch.Rand([5, 1, 28, 28], new Generator(1));
        Assert.Equal([5, 32], ae.Encode(x).Shape);
        Assert.Equal([5, 784], ae.DecodeLogits(ae.Encode(x)).Shape);
        var y = ae.Forward(x);
        Assert.Equal([5, 784], y.Shape);
        Assert.All(y.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(["encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
                      "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias"], ae.StateDict().Keys);
        Assert.Equal(2 * (784 * 256 + 256 * 32) + 256 + 32 + 256 + 784, ae.ParameterCount());
        Assert.Contains("code_dim=32", ae.ToString());
    }

    [Fact]
    public void LinearAutoencoderAndValidation()
    {
        var ae = new Autoencoder(10, [], codeDim: 3, generator: new Generator(0));
        Assert.Equal(2, ae.Encoder.Count + ae.Decoder.Count); // one Linear each way
        Assert.Throws<ArgumentOutOfRangeException>(() => new Autoencoder(10, [8], codeDim: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Autoencoder(10, [0], codeDim: 3));
    }

    [Fact]
    public void TrainingLowersTheLossOnSyntheticData()
    {
        // 64-pixel images that live on a 4-d manifold: smooth bumps at random positions.
        var g = new Generator(2);
        var data = new float[256 * 64];
        for (int i = 0; i < 256; i++)
        {
            double c = g.NextDouble() * 64, w = 3 + 5 * g.NextDouble();
            for (int j = 0; j < 64; j++) data[i * 64 + j] = (float)Math.Exp(-(j - c) * (j - c) / (2 * w * w));
        }
        var x = Torch.FromArray(data, 256, 64);
        var ae = new Autoencoder(64, [32], codeDim: 4, generator: new Generator(3));
        var opt = new Adam(ae.Parameters(), lr: 3e-3f);
        float first = AutoencoderTraining.Step(ae, opt, x, ReconstructionLoss.Mse) / 256;
        float last = first;
        for (int s = 0; s < 200; s++) last = AutoencoderTraining.Step(ae, opt, x, ReconstructionLoss.Mse) / 256;
        Assert.True(last < 0.25f * first, $"MSE per sample: {first} → {last}");
    }

    [RequiresDataFact("fashion-mnist")]
    public void TrainingOnAFashionMnistSubsetLowersTheTestLoss()
    {
        var train = FashionMnist.Load(train: true).Take(2048);
        var test = FashionMnist.Load(train: false).Take(512);
        var ae = new Autoencoder(784, [256], 32, new Generator(1));
        var opt = new Adam(ae.Parameters(), lr: 1e-3f);
        var loader = new DataLoader(train, batchSize: 128, shuffle: true, generator: new Generator(1));
        var (bce0, mse0) = AutoencoderTraining.Evaluate(ae, test);
        for (int e = 0; e < 3; e++) AutoencoderTraining.TrainEpoch(ae, opt, loader);
        var (bce1, mse1) = AutoencoderTraining.Evaluate(ae, test);
        Assert.InRange(bce0, 500f, 600f); // untrained: p ≈ ½ everywhere, ≈ 784·ln 2 = 543 nats
        Assert.True(bce1 < 330f && mse1 < mse0 / 2, $"test BCE {bce0} → {bce1}, MSE {mse0} → {mse1}");
        // Denoising: training on corrupted inputs still learns to reconstruct the clean images.
        var g = new Generator(4);
        float denoise = AutoencoderTraining.TrainEpoch(ae, opt, loader, corrupt: x => Corruption.Masking(x, 0.3f, g));
        Assert.True(denoise < 400f, $"denoising epoch loss {denoise}");
    }
}
