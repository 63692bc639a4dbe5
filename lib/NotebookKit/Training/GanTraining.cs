using NotebookKit.Interactive;
using NotebookKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Training;

/// <summary>
/// The alternating update of the GAN game min_G max_D V(D, G), V = E[log D(x)] + E[log(1 − D(G(z)))], as in
/// shared/anchors/torch_gan.py: one discriminator step on real and detached fake samples, then one generator step
/// through the updated D. Optimizers as the anchors: Adam(lr 2e-4, beta1 0.5, beta2 0.999).
/// <example><code>
/// var optG = optim.Adam(netG.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
/// var r = GanTraining.Step(netG, netD, optG, optD, X, latentDim: 100, generator: noise);   // X in [−1, 1]
/// </code></example>
/// </summary>
public static class GanTraining
{
    /// <summary>D's loss from its logits on a real and a generated batch, each (N, 1):
    /// BCE(D(x), 1) + BCE(D(G(z)), 0) = −log D(x) − log(1 − D(G(z))), batch means.</summary>
    public static Tensor DiscriminatorLoss(Tensor logitsReal, Tensor logitsFake) =>
        functional.binary_cross_entropy_with_logits(logitsReal, ones_like(logitsReal))
        + functional.binary_cross_entropy_with_logits(logitsFake, zeros_like(logitsFake));

    /// <summary>G's loss from D's logits on generated samples (N, 1). Non-saturating (the default):
    /// BCE(D(G(z)), 1) = −log D(G(z)), strong gradients while D still wins. Saturating (the minimax game itself):
    /// −BCE(D(G(z)), 0) = log(1 − D(G(z))), whose gradient vanishes when D rejects G's samples confidently.</summary>
    public static Tensor GeneratorLoss(Tensor logitsFake, bool nonSaturating = true) => nonSaturating
        ? functional.binary_cross_entropy_with_logits(logitsFake, ones_like(logitsFake))
        : -functional.binary_cross_entropy_with_logits(logitsFake, zeros_like(logitsFake));

    /// <summary>One step with fresh noise z ~ N(0, I) of shape (N, latentDim) on <paramref name="realX"/>'s device, drawn
    /// from <paramref name="generator"/> (on the CPU, then moved) or from the global generator of that device.</summary>
    public static GanStepResult Step(Module<Tensor, Tensor> netG, Module<Tensor, Tensor> netD,
        optim.Optimizer optG, optim.Optimizer optD, Tensor realX, int latentDim = 100,
        Generator? generator = null, bool nonSaturating = true)
    {
        using var scope = NewDisposeScope();
        return Step(netG, netD, optG, optD, realX, Noise(realX, latentDim, generator), nonSaturating);
    }

    /// <summary>
    /// One D step, then one G step, on a real batch <paramref name="realX"/> (N, …) and noise <paramref name="z"/>:
    /// D descends −log D(x) − log(1 − D(G(z))) with G(z) detached, so D's loss does not reach G; G then descends
    /// <see cref="GeneratorLoss"/> through the updated D, whose parameters are frozen meanwhile so G's loss leaves no
    /// gradient in them. Real images are viewed in G's output shape, so (N, 1, 28, 28) batches feed an MLP D.
    /// </summary>
    public static GanStepResult Step(Module<Tensor, Tensor> netG, Module<Tensor, Tensor> netD,
        optim.Optimizer optG, optim.Optimizer optD, Tensor realX, Tensor z, bool nonSaturating = true)
    {
        using var scope = NewDisposeScope();
        var fake = netG.forward(z);                                  // (N, …) in [−1, 1]
        var real = AsShapeOf(realX, fake);

        optD.zero_grad();
        var logitsReal = netD.forward(real);                         // (N, 1)
        var logitsFake = netD.forward(fake.detach());                // (N, 1), no gradient into G
        var lossD = DiscriminatorLoss(logitsReal, logitsFake);
        lossD.backward();
        optD.step();

        optG.zero_grad();
        var lossG = WithFrozen(netD.parameters(), () =>
        {
            var loss = GeneratorLoss(netD.forward(fake), nonSaturating);
            loss.backward();
            return loss;
        });
        optG.step();

        var result = new GanStepResult(lossD.item<float>(), lossG.item<float>(), MeanSigmoid(logitsReal), MeanSigmoid(logitsFake));
        ScalarReclaim.AfterStep();
        return result;
    }

    /// <summary>
    /// One pass over <paramref name="batches"/> (a DataLoader with PixelScale.MinusOneToOne, or any (X, y) pairs; y is
    /// ignored), one <see cref="Step(Module{Tensor, Tensor}, Module{Tensor, Tensor}, optim.Optimizer, optim.Optimizer, Tensor, int, Generator?, bool)"/>
    /// per batch, both nets in training mode. <paramref name="onStep"/> gets each result (for progress and history);
    /// stops between batches when the kernel interrupts the cell.
    /// </summary>
    public static IReadOnlyList<GanStepResult> Epoch(Module<Tensor, Tensor> netG, Module<Tensor, Tensor> netD,
        optim.Optimizer optG, optim.Optimizer optD, IEnumerable<(Tensor X, Tensor y)> batches, int latentDim = 100,
        Generator? generator = null, bool nonSaturating = true, Action<GanStepResult>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        netG.train();
        netD.train();
        var results = new List<GanStepResult>();
        foreach (var (X, _) in batches)
        {
            KernelInterrupt.ThrowIfInterrupted();
            var r = Step(netG, netD, optG, optD, X, latentDim, generator, nonSaturating);
            results.Add(r);
            onStep?.Invoke(r);
        }
        return results;
    }

    /// <summary>
    /// One step of the conditional game on a real batch <paramref name="realX"/> (N, 1, 28, 28) or (N, 784) in [−1, 1]
    /// with its <paramref name="labels"/> (N); G draws fakes of the same labels from <paramref name="z"/> (N, latentDim).
    /// D descends −log D(x|y) − log(1 − D(G(z|y)|y)) + λ·CE(aux(x), y): the projection logit learns to reject real-looking
    /// images of the wrong class, the auxiliary head learns the classes from real images only. G then descends
    /// −log D(G(z|y)|y) + λ·CE(aux(G(z|y)), y) through the updated D (frozen meanwhile): look real, and look like y.
    /// λ = <paramref name="auxWeight"/>; 0 leaves the projection discriminator alone.
    /// </summary>
    public static GanStepResult ConditionalStep(ConditionalGan cgan, optim.Optimizer optG, optim.Optimizer optD,
        Tensor realX, Tensor labels, Tensor z, double auxWeight = 1.0)
    {
        using var scope = NewDisposeScope();
        var fake = cgan.Generate(z, labels);                                          // (N, 784) of classes `labels`

        optD.zero_grad();
        var (logitsReal, classReal) = cgan.DiscriminateAndClassify(realX, labels);    // (N, 1), (N, C)
        var logitsFake = cgan.Discriminate(fake.detach(), labels);                    // (N, 1), no gradient into G
        var auxD = functional.cross_entropy(classReal, labels);
        var lossD = DiscriminatorLoss(logitsReal, logitsFake) + auxWeight * auxD;
        lossD.backward();
        optD.step();

        optG.zero_grad();
        var (lossG, auxG) = WithFrozen(cgan.DiscriminatorParameters(), () =>
        {
            var (logitsG, classG) = cgan.DiscriminateAndClassify(fake, labels);
            var aux = functional.cross_entropy(classG, labels);
            var loss = GeneratorLoss(logitsG) + auxWeight * aux;
            loss.backward();
            return (loss, aux);
        });
        optG.step();

        var result = new GanStepResult(lossD.item<float>(), lossG.item<float>(), MeanSigmoid(logitsReal), MeanSigmoid(logitsFake),
            auxD.item<float>(), auxG.item<float>());
        ScalarReclaim.AfterStep();
        return result;
    }

    /// <summary>
    /// One pass of <see cref="ConditionalStep"/> over labelled batches (a DataLoader with PixelScale.MinusOneToOne),
    /// fresh z per batch from <paramref name="generator"/>, both nets in training mode, through <see cref="EpochRunner"/>:
    /// a dispose scope per step and a stop naming the epoch, batch and term if a loss turns NaN. Returns each term's
    /// mean over the epoch: lossD, lossG, auxD, auxG, dReal, dFake; <paramref name="onStep"/> gets every step's terms.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ConditionalEpoch(ConditionalGan cgan, optim.Optimizer optG, optim.Optimizer optD,
        IEnumerable<(Tensor X, Tensor y)> batches, Generator? generator = null, double auxWeight = 1.0, int epoch = 1,
        Action<int, IReadOnlyDictionary<string, double>>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(cgan);
        cgan.train();
        var device = cgan.psi.weight!.device;
        return EpochRunner.Run(batches, (X, y) =>
        {
            var (x, labels) = (X.to(device), y.to(device));
            var r = ConditionalStep(cgan, optG, optD, x, labels, Noise(x, cgan.LatentDim, generator), auxWeight);
            long n = x.shape[0];
            return new Dictionary<string, double>
            {
                ["lossD"] = r.LossD * n, ["lossG"] = r.LossG * n, ["auxD"] = r.AuxD * n, ["auxG"] = r.AuxG * n,
                ["dReal"] = r.DReal * n, ["dFake"] = r.DFake * n,
            };
        }, epoch, onStep);
    }

    // z ~ N(0, I), (N, latentDim) on the batch's device. A seeded generator lives on the CPU: draw there and move,
    // so a seed gives the same z on every device.
    private static Tensor Noise(Tensor batch, int latentDim, Generator? generator) => generator is null
        ? randn([batch.shape[0], latentDim], device: batch.device)
        : randn([batch.shape[0], latentDim], generator: generator, device: CPU).to(batch.device);

    // Runs G's backward pass with D's parameters frozen (requires_grad off, restored after, even on error), so G's loss
    // leaves no gradient in D's parameters.
    private static T WithFrozen<T>(IEnumerable<Parameter> parameters, Func<T> backward)
    {
        var frozen = parameters.Where(p => p.requires_grad).ToList();
        foreach (var p in frozen) p.requires_grad = false;
        try { return backward(); }
        finally { foreach (var p in frozen) p.requires_grad = true; }
    }

    // The real batch viewed in G's output shape per sample: (N, 1, 28, 28) → (N, 784) for an MLP G.
    private static Tensor AsShapeOf(Tensor realX, Tensor fake)
    {
        var perSample = fake.shape.Skip(1).ToArray();
        if (realX.shape.Skip(1).SequenceEqual(perSample)) return realX;
        if (realX.numel() / Math.Max(1, realX.shape[0]) != perSample.Aggregate(1L, (a, b) => a * b))
            throw new ArgumentException($"GanTraining.Step: the real batch ({string.Join(", ", realX.shape)}) does not match "
                + $"G's output ({string.Join(", ", fake.shape)}): give real images with as many pixels per sample as G makes.", nameof(realX));
        return realX.reshape([realX.shape[0], .. perSample]);
    }

    private static float MeanSigmoid(Tensor logits) => logits.detach().sigmoid().mean().item<float>();
}
