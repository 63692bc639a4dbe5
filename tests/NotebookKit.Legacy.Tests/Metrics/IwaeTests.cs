using NotebookKit.Metrics;
using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using Xunit.Abstractions;

namespace NotebookKit.Tests.Metrics;

public class IwaeTests(ITestOutputHelper output)
{
    // Binary 16-pixel "images": one of 4 prototypes with 5 % of the bits flipped.
    private static Tensor ToyData(int n, ulong seed)
    {
        var g = new Generator(seed);
        var protos = new bool[4, 16];
        for (int p = 0; p < 4; p++) for (int j = 0; j < 16; j++) protos[p, j] = ((j >> p) & 1) == 1 ^ (j % (p + 2) == 0);
        var x = new float[n * 16];
        for (int i = 0; i < n; i++)
        {
            int p = g.NextInt(4);
            for (int j = 0; j < 16; j++) x[i * 16 + j] = protos[p, j] ^ (g.NextFloat() < 0.05f) ? 1f : 0f;
        }
        return Torch.FromArray(x, n, 16);
    }

    private static Vae TrainedToyVae()
    {
        var vae = new Vae(16, 32, 2, new Generator(1));
        var opt = new Adam(vae.Parameters(), lr: 1e-2f);
        var x = ToyData(512, 2);
        for (int step = 0; step < 300; step++)
        {
            var batch = x.Narrow(0, (step * 64) % 512, 64);
            VaeTraining.Step(vae, opt, batch);
        }
        vae.Eval();
        return vae;
    }

    [Fact]
    public void LogSumExpIsStableForLargeMagnitudes()
    {
        Assert.Equal(1000 + Math.Log(2), Iwae.LogSumExp([1000.0, 1000.0]), 12);
        Assert.Equal(-1000 + Math.Log(3), Iwae.LogSumExp([-1000.0, -1000.0, -1000.0]), 12);
        Assert.Equal(-5, Iwae.LogSumExp([-5.0, -800.0]), 12);
        Assert.Equal(double.NegativeInfinity, Iwae.LogSumExp([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(double.NegativeInfinity, Iwae.LogSumExp([]));
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(2)), Iwae.LogSumExp([1.0, 2.0]), 14);
    }

    [Fact]
    public void KEqualsOneMatchesTheElboInExpectation()
    {
        var vae = new Vae(16, 8, 3, new Generator(3)); // untrained is fine: the identity holds for any q and p
        var x = ToyData(200, 4);
        var g = new Generator(5);
        vae.Generator = new Generator(6);
        var iwae = new List<double>(); var elbo = new List<double>();
        for (int r = 0; r < 30; r++)
        {
            iwae.AddRange(Iwae.LogLikelihood(vae, x, 1, g));
            using var _ = Torch.NoGrad();
            var (logits, mu, logVar) = vae.Forward3(x, sample: true);
            elbo.Add(-Vae.NegativeElbo(logits, x, mu, logVar).Loss.Item() / 200); // batch mean per sample
        }
        double mi = iwae.Average(), me = elbo.Average();
        double seI = Sd(iwae) / Math.Sqrt(iwae.Count), seE = Sd(elbo) / Math.Sqrt(elbo.Count);
        output.WriteLine($"IWAE(k=1) {mi:F4} ± {seI:F4}, ELBO {me:F4} ± {seE:F4}");
        Assert.True(Math.Abs(mi - me) < 4 * Math.Sqrt(seI * seI + seE * seE) + 1e-3,
            $"IWAE(k=1) mean {mi:F4} vs ELBO mean {me:F4} (standard errors {seI:F4}, {seE:F4})");
    }

    [Fact]
    public void MoreSamplesGiveATighterBoundOnATrainedVae()
    {
        var vae = TrainedToyVae();
        var x = ToyData(300, 7);
        double l1 = Iwae.LogLikelihood(vae, x, 1, new Generator(8)).Average();
        double l10 = Iwae.LogLikelihood(vae, x, 10, new Generator(9)).Average();
        double l100 = Iwae.LogLikelihood(vae, x, 100, new Generator(10)).Average();
        output.WriteLine($"IWAE on the toy VAE: k=1 {l1:F3}, k=10 {l10:F3}, k=100 {l100:F3} nats");
        Assert.True(l100 >= l10 && l10 >= l1, $"IWAE k=1: {l1:F3}, k=10: {l10:F3}, k=100: {l100:F3}");
        Assert.True(l1 > -16 * Math.Log(2), $"the trained VAE should beat coin flips (−11.09 nats): {l1:F3}");
    }

    [Fact]
    public void SeededGeneratorRepeatsAndShapesFollowTheBatch()
    {
        var vae = new Vae(16, 8, 2, new Generator(0));
        var x = ToyData(5, 1);
        var a = Iwae.LogLikelihood(vae, x, 7, new Generator(42));
        var b = Iwae.LogLikelihood(vae, x, 7, new Generator(42));
        Assert.Equal(a, b);
        Assert.Equal(5, a.Length);
        Assert.Equal(new[] { 5, 7 }, new[] { Iwae.LogWeights(vae, x, 7).GetLength(0), Iwae.LogWeights(vae, x, 7).GetLength(1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => Iwae.LogLikelihood(vae, x, 0));
    }

    [Fact]
    public void WorksWithTheConvolutionalVae()
    {
        var vae = new ConvVae(latentDim: 4, generator: new Generator(0));
        var x = Torch.Rand([3, 1, 28, 28], new Generator(1));
        var l = Iwae.LogLikelihood(vae, x, 4, new Generator(2));
        Assert.Equal(3, l.Length);
        Assert.All(l, v => Assert.True(double.IsFinite(v) && v < 0));
    }

    private static double Sd(List<double> v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Count - 1));
    }
}
