using NotebookKit.NN;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Models;

/// <summary>
/// The alternating update of the GAN minimax game (极小极大博弈) min_G max_D V(D, G),
/// V = E[log D(x)] + E[log(1 − D(G(z)))], as the training-loop plumbing later notebooks share.
/// Notebook 05 writes the same step out by hand where it explains it.
/// </summary>
public static class GanTraining
{
    /// <summary>
    /// One discriminator step, then one generator step, on a batch of real samples:
    /// D ascends log D(x) + log(1 − D(G(z))) with G(z) detached, so D's loss does not reach G;
    /// G then descends −log D(G(z)) (non-saturating, the default) or log(1 − D(G(z))) (saturating).
    /// The step's tensors live in dispose scopes (D's step in its own), so their buffers are reused.
    /// </summary>
    public static GanStepResult Step(Module netG, Module netD, Optimizer optG, Optimizer optD, Tensor real,
        int latentDim, Generator? generator = null, bool nonSaturating = true)
    {
        using var scope = Torch.NewDisposeScope();
        int n = real.Size(0);
        var ones = Torch.Ones(n, 1);
        var zeros = Torch.Zeros(n, 1);
        var fake = netG.Forward(Torch.Randn([n, latentDim], generator));

        float lossD, dReal, dFake;
        using (Torch.NewDisposeScope()) // D's graph is dead after its update: its buffers serve the G step
        {
            optD.ZeroGrad();
            var logitsReal = netD.Forward(real);
            var logitsFake = netD.Forward(fake.Detach());
            var lD = F.BinaryCrossEntropyWithLogits(logitsReal, ones) + F.BinaryCrossEntropyWithLogits(logitsFake, zeros);
            lD.Backward();
            optD.Step();
            (lossD, dReal, dFake) = (lD.Item(), MeanSigmoid(logitsReal), MeanSigmoid(logitsFake));
        }

        optG.ZeroGrad();
        var logitsG = netD.Forward(fake);
        var lossG = nonSaturating
            ? F.BinaryCrossEntropyWithLogits(logitsG, ones)       // −log D(G(z))
            : -F.BinaryCrossEntropyWithLogits(logitsG, zeros);    // log(1 − D(G(z)))
        lossG.Backward();
        optG.Step();

        return new GanStepResult(lossD, lossG.Item(), dReal, dFake);
    }

    private static float MeanSigmoid(Tensor logits)
    {
        using var _ = Torch.NoGrad();
        return logits.Sigmoid().Mean().Item();
    }
}
