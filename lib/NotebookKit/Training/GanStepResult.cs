namespace NotebookKit.Training;

/// <summary>
/// What one GAN step measured: the discriminator's loss −log D(x) − log(1 − D(G(z))), the generator's loss, and the
/// discriminator's mean outputs D(x) on real and D(G(z)) on generated samples (as judged before D's update).
/// At the game's equilibrium both means are ½ and LossD = 2 ln 2 ≈ 1.386.
/// </summary>
public sealed record GanStepResult(float LossD, float LossG, float DReal, float DFake);
