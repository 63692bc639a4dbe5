using NotebookKit.Interactive;
using NotebookKit.Models;
using NotebookKit.Tests.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Training;

public class EpochRunnerTests
{
    private static IEnumerable<(Tensor X, Tensor y)> Sizes(params int[] sizes) => sizes.Select(n => (zeros(n, 2), zeros(n, ScalarType.Int64)));

    [Fact]
    public void Means_are_per_sample_and_steps_are_reported()
    {
        var reported = new List<(int, double)>();
        var means = EpochRunner.Run(Sizes(2, 6), (X, _) => new Dictionary<string, double> { ["loss"] = X.shape[0] == 2 ? 10 : 6 },
            onStep: (i, t) => reported.Add((i, t["loss"])));
        Assert.Equal(16.0 / 8, means["loss"]);
        Assert.Equal(new[] { (0, 5.0), (1, 1.0) }, reported);
        Assert.Empty(EpochRunner.Run(Sizes(), (_, _) => new Dictionary<string, double>()));
    }

    [Fact]
    public void A_non_finite_term_stops_with_epoch_batch_and_term()
    {
        int calls = 0;
        var e = Assert.Throws<ArithmeticException>(() => EpochRunner.Run(Sizes(2, 2, 2, 2),
            (_, _) => new Dictionary<string, double> { ["recon"] = 1, ["kl"] = ++calls == 3 ? double.NaN : 1 }, epoch: 4));
        Assert.Equal(3, calls);
        Assert.Contains("epoch 4", e.Message);
        Assert.Contains("batch 2", e.Message);
        Assert.Contains("'kl' is NaN", e.Message);
        Assert.Contains("learning rate", e.Message);
    }

    [Fact]
    public void A_diverging_vae_is_stopped()
    {
        var batches = VaeTrainingTests.Batches();
        var vae = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 0);
        var optimizer = optim.SGD(vae.parameters(), 1e6);
        var e = Assert.Throws<ArithmeticException>(() => { for (int epoch = 1; epoch <= 5; epoch++) VaeTraining.Epoch(vae, optimizer, batches, epoch: epoch); });
        Assert.Matches(@"epoch \d, batch \d+ \(0-based\): the term '(loss|recon|kl)' is", e.Message);
    }
}

[Collection(GlobalRngCollection.Name)]   // alone: the live-tensor count and the interrupt flag are process-wide
public class EpochRunnerScopeTests
{
    // Batches made as they are drawn, like a DataLoader: they must die with their step.
    private static IEnumerable<(Tensor X, Tensor y)> Fresh(List<(Tensor X, Tensor y)> source)
    {
        foreach (var (X, y) in source) yield return (X.clone(), y.clone());
    }

    [Fact]
    public void Live_tensors_do_not_grow_over_an_epoch()
    {
        var batches = VaeTrainingTests.Batches();
        var vae = new Vae(inputDim: 64, hiddenDim: 16, latentDim: 2, seed: 0);
        var optimizer = optim.Adam(vae.parameters(), lr: 1e-3, beta2: 0.999);
        VaeTraining.Epoch(vae, optimizer, Fresh(batches));   // the first steps create Adam's state and the grads
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        VaeTraining.Epoch(vae, optimizer, Fresh(batches));
        VaeTraining.Epoch(vae, optimizer, Fresh(batches));
        VaeTraining.Evaluate(vae, Fresh(batches));
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void An_interrupt_stops_between_steps()
    {
        int steps = 0;
        try
        {
            var e = Assert.Throws<OperationCanceledException>(() => EpochRunner.Run(
                Enumerable.Range(0, 5).Select(_ => (zeros(1), zeros(1))),
                (_, _) => { if (++steps == 2) KernelInterrupt.Request("test"); return new Dictionary<string, double>(); }));
            Assert.Contains("test", e.Message);
            Assert.Equal(2, steps);
        }
        finally
        {
            KernelInterrupt.Reset();
        }
    }
}
