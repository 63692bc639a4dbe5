using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using NotebookKit.Tests.Data;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Models;

public class VaeTests
{
    [Fact]
    public void ShapesAndParameterNamesMatchThePyTorchReference()
    {
        var vae = new Vae(784, 400, 20, new Generator(0));
        var (logits, mu, logVar) = vae.Forward3(Torch.Rand(8, 784));
        Assert.Equal([8, 784], logits.Shape);
        Assert.Equal([8, 20], mu.Shape);
        Assert.Equal([8, 20], logVar.Shape);
        Assert.Equal(["fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias",
                      "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"], vae.StateDict().Keys);
        Assert.Equal(652_824, vae.ParameterCount()); // 784·400+400 + 2·(400·20+20) + 20·400+400 + 400·784+784
    }

    [Fact]
    public void NegativeElboIsBceOfSigmoidPlusClosedFormKl()
    {
        var g = new Generator(3);
        var logits = Torch.Randn([4, 6], g);
        var x = Torch.Rand([4, 6], g);
        var mu = Torch.Randn([4, 2], g);
        var logVar = Torch.Randn([4, 2], g) * 0.5f;
        var (loss, rec, kl) = Vae.NegativeElbo(logits, x, mu, logVar);

        double bce = 0, klRef = 0;
        for (int i = 0; i < 24; i++)
        {
            double p = 1 / (1 + Math.Exp(-logits.data[i]));
            bce -= x.data[i] * Math.Log(p) + (1 - x.data[i]) * Math.Log(1 - p);
        }
        for (int i = 0; i < 8; i++)
            klRef += -0.5 * (1 + logVar.data[i] - mu.data[i] * mu.data[i] - Math.Exp(logVar.data[i]));
        Assert.Equal(bce, rec.Item(), 3);
        Assert.Equal(klRef, kl.Item(), 4);
        Assert.Equal(bce + klRef, loss.Item(), 3);
        Assert.Equal(F.BinaryCrossEntropy(logits.Sigmoid(), x, NotebookKit.NN.Reduction.Sum).Item(), rec.Item(), 3);
    }

    [Fact]
    public void EvalModeDecodesTheMeanAndTrainModeSamples()
    {
        var vae = new Vae(12, 8, 3, new Generator(1));
        var x = Torch.Rand([2, 12], new Generator(2));
        vae.Eval();
        Assert.Equal(vae.Forward3(x).Logits.ToArray(), vae.Forward3(x).Logits.ToArray());
        vae.Train();
        Assert.NotEqual(vae.Forward3(x).Logits.ToArray(), vae.Forward3(x).Logits.ToArray());
    }

    [RequiresDataFact("fashion-mnist")]
    public void TrainingOnAFashionMnistSubsetLowersTheTestLoss()
    {
        var train = FashionMnist.Load(train: true).Take(2048);
        var test = FashionMnist.Load(train: false).Take(512);
        var vae = new Vae(784, 400, 20, new Generator(1));
        var opt = new Adam(vae.Parameters(), lr: 1e-3f);
        var loader = new DataLoader(train, batchSize: 128, shuffle: true, generator: new Generator(1));
        float before = VaeTraining.Evaluate(vae, test);
        for (int e = 0; e < 3; e++) VaeTraining.TrainEpoch(vae, opt, loader);
        float after = VaeTraining.Evaluate(vae, test);
        Assert.InRange(before, 500f, 600f);   // untrained: ≈ 784·ln 2 = 543 nats of BCE at p ≈ ½, plus a small KL
        Assert.True(after < 330f, $"test loss after 3 epochs on 2048 images: {after} (before: {before})");
    }

    [Fact]
    public void TrainingIsBitIdenticalForOneAndTwoGemmThreads()
    {
        float[] Train(int threads)
        {
            int saved = NotebookKit.Tensors.Kernels.Gemm.MaxThreads;
            NotebookKit.Tensors.Kernels.Gemm.MaxThreads = threads;
            try
            {
                var g = new Generator(7);
                var vae = new Vae(784, 400, 20, g);
                var opt = new Adam(vae.Parameters(), lr: 1e-3f);
                var x = Torch.Rand([128, 784], new Generator(8));
                for (int step = 0; step < 3; step++) VaeTraining.Step(vae, opt, x);
                return vae.Parameters().SelectMany(p => p.ToArray()).ToArray();
            }
            finally { NotebookKit.Tensors.Kernels.Gemm.MaxThreads = saved; }
        }
        var one = Train(1);
        var two = Train(2);
        Assert.True(one.AsSpan().SequenceEqual(two), "weights after 3 Adam steps differ between 1 and 2 GEMM threads");
    }
}
