using NotebookKit.Models;
using NotebookKit.Tests.Models;
using NotebookKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Tests.Training;

public class GanTrainingTests
{
    private static readonly float Ln2 = MathF.Log(2);

    [Fact]
    public void LossesAtKnownLogitsAndTheSaturatingGradientVanishing()
    {
        Assert.Equal(2 * Ln2, GanTraining.DiscriminatorLoss(zeros(4, 1), zeros(4, 1)).item<float>(), 5);   // D(x) = D(G(z)) = ½
        Assert.Equal(Ln2, GanTraining.GeneratorLoss(zeros(4, 1)).item<float>(), 5);
        Assert.Equal(-Ln2, GanTraining.GeneratorLoss(zeros(4, 1), nonSaturating: false).item<float>(), 5);

        // D rejects G's sample confidently (logit −5, D(G(z)) = 0.0067): d loss / d logit is −(1 − D) for −log D
        // but −D for log(1 − D), 150 times weaker.
        float Grad(bool nonSaturating)
        {
            var logit = full(1, 1, -5f, requires_grad: true);
            GanTraining.GeneratorLoss(logit, nonSaturating).backward();
            return logit.grad!.item<float>();
        }
        float sigmoid5 = 1f / (1f + MathF.Exp(5f));
        Assert.Equal(-(1 - sigmoid5), Grad(nonSaturating: true), 5);
        Assert.Equal(-sigmoid5, Grad(nonSaturating: false), 5);
    }

    [Fact]
    public void StepIsTheAnchorsUpdateAndLeavesNoGeneratorGradientInD()
    {
        var (netG, netD, optG, optD) = Nets();
        var (refG, refD, refOptG, refOptD) = Nets();
        var real = randn([8, 6], generator: new Generator(3));
        var z = randn([8, 4], generator: new Generator(4));
        var before = Snapshot(netG).Concat(Snapshot(netD)).ToList();

        var r = GanTraining.Step(netG, netD, optG, optD, real, z);

        // The loop of shared/anchors/torch_gan.py, written out; D's gradients captured before G's step.
        var fake = refG.forward(z);
        refOptD.zero_grad();
        var logitsReal = refD.forward(real);
        var logitsFake = refD.forward(fake.detach());
        var lossD = functional.binary_cross_entropy_with_logits(logitsReal, ones(8, 1))
                  + functional.binary_cross_entropy_with_logits(logitsFake, zeros(8, 1));
        lossD.backward();
        refOptD.step();
        var dGrads = refD.parameters().Select(p => p.grad!.clone()).ToList();
        refOptG.zero_grad();
        var lossG = functional.binary_cross_entropy_with_logits(refD.forward(fake), ones(8, 1));
        lossG.backward();
        refOptG.step();

        Assert.Equal(lossD.item<float>(), r.LossD, 5);
        Assert.Equal(lossG.item<float>(), r.LossG, 5);
        Assert.Equal(logitsReal.sigmoid().mean().item<float>(), r.DReal, 5);
        Assert.Equal(logitsFake.sigmoid().mean().item<float>(), r.DFake, 5);
        AssertClose(Snapshot(refG), Snapshot(netG));
        AssertClose(Snapshot(refD), Snapshot(netD));
        // Every parameter tensor of both nets moved.
        Assert.All(before.Zip(Snapshot(netG).Concat(Snapshot(netD))), p => Assert.False(GanTestTensors.Same(p.First, p.Second)));
        // D's gradients are those of D's loss alone; the anchor's loop adds G's loss to them (so this can fail).
        AssertClose(dGrads, netD.parameters().Select(p => p.grad!).ToList());
        Assert.False(dGrads[0].allclose(refD.parameters().First().grad!));
        Assert.All(netD.parameters(), p => Assert.True(p.requires_grad));   // unfrozen again
    }

    [Fact]
    public void DiscriminatorLossOnDetachedFakesDoesNotReachG()
    {
        var (netG, netD, _, _) = Nets();
        var fake = netG.forward(randn([8, 4], generator: new Generator(5)));
        GanTraining.DiscriminatorLoss(netD.forward(randn(8, 6)), netD.forward(fake.detach())).backward();
        Assert.All(netG.parameters(), p => Assert.True(p.grad is null || p.grad.abs().max().item<float>() == 0f));
        Assert.All(netD.parameters(), p => Assert.True(p.grad!.abs().max().item<float>() > 0f));
    }

    [Fact]
    public void SameSeedsGiveTheSameSteps()
    {
        List<GanStepResult> Run(out Tensor weight)
        {
            var (netG, netD, optG, optD) = Nets();
            var noise = new Generator(6);
            var data = new Generator(7);
            var results = Enumerable.Range(0, 3)
                .Select(_ => GanTraining.Step(netG, netD, optG, optD, randn([8, 6], generator: data), latentDim: 4, generator: noise))
                .ToList();
            weight = netG.state_dict()["6.weight"];
            return results;
        }
        var a = Run(out var wa);
        var b = Run(out var wb);
        Assert.Equal(a, b);
        Assert.True(GanTestTensors.Same(wa, wb));
    }

    [Fact]
    public void EpochViewsImageBatchesInGsOutputShape()
    {
        var (netG, netD, optG, optD) = Nets(outputDim: 16);
        var g = new Generator(8);
        var batches = Enumerable.Range(0, 3).Select(_ => (rand([5, 1, 4, 4], generator: g) * 2 - 1, zeros(5, int64))).ToList();
        int seen = 0;
        var results = GanTraining.Epoch(netG, netD, optG, optD, batches, latentDim: 4, generator: new Generator(9), onStep: _ => seen++);
        Assert.Equal(3, results.Count);
        Assert.Equal(3, seen);
        Assert.All(results, r => Assert.InRange(r.DReal, 0f, 1f));
        var e = Assert.Throws<ArgumentException>(() => GanTraining.Step(netG, netD, optG, optD, randn(5, 10), latentDim: 4));
        Assert.Contains("(5, 10)", e.Message);
        Assert.Contains("(5, 16)", e.Message);
    }

    [Fact]
    public void ATinyGanMovesItsSamplesOntoAOneDimensionalGaussian()
    {
        // Data N(3, 0.5²). G starts near 0; after training its samples' mean must be within 0.4 of 3 and their spread
        // of the right order, and D must be near indifferent.
        var netG = SeededInit.Build(11, () => Sequential(Linear(1, 16), ReLU(), Linear(16, 1)));
        var netD = SeededInit.Build(12, () => Sequential(Linear(1, 32), LeakyReLU(0.2), Linear(32, 1)));
        var optG = optim.Adam(netG.parameters(), lr: 2e-3, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(netD.parameters(), lr: 2e-3, beta1: 0.5, beta2: 0.999);
        var g = new Generator(12);
        float startMean;
        using (no_grad()) startMean = netG.forward(randn([4000, 1], generator: g)).mean().item<float>();
        GanStepResult last = null!;
        for (int step = 0; step < 1500; step++)
        {
            using var scope = NewDisposeScope();
            last = GanTraining.Step(netG, netD, optG, optD, randn([64, 1], generator: g) * 0.5f + 3f, latentDim: 1, generator: g);
        }
        using var _ = no_grad();
        var samples = netG.forward(randn([4000, 1], generator: g));
        float mean = samples.mean().item<float>(), std = samples.std().item<float>();
        Assert.InRange(startMean, -1f, 1f);
        Assert.InRange(mean, 2.6f, 3.4f);
        Assert.InRange(std, 0.2f, 1.0f);
        Assert.InRange(last.DReal, 0.3f, 0.7f);
        Assert.InRange(last.DFake, 0.3f, 0.7f);
    }

    private static (Sequential netG, Sequential netD, optim.Optimizer optG, optim.Optimizer optD) Nets(int outputDim = 6)
    {
        var netG = MlpGan.Generator(latentDim: 4, outputDim: outputDim, seed: 1);
        var netD = MlpGan.Discriminator(inputDim: outputDim, seed: 2);
        return (netG, netD,
            optim.Adam(netG.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999),
            optim.Adam(netD.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999));
    }

    private static List<Tensor> Snapshot(Module m) => m.parameters().Select(p => p.detach().clone()).ToList();

    private static void AssertClose(IReadOnlyList<Tensor> expected, IReadOnlyList<Tensor> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(expected[i].allclose(actual[i], rtol: 1e-5, atol: 1e-7), $"tensor {i} differs");
    }
}
