namespace NotebookKit.Training;

/// <summary>
/// What one GAN step measured: the discriminator's loss −log D(x) − log(1 − D(G(z))), the generator's loss, and the
/// discriminator's mean outputs D(x) on real and D(G(z)) on generated samples (as judged before D's update).
/// At the game's equilibrium both means are ½ and LossD = 2 ln 2 ≈ 1.386. A conditional step
/// (<see cref="GanTraining.ConditionalStep"/>) adds its auxiliary classifier's cross-entropy on the real batch (AuxD,
/// included in LossD) and on the fakes (AuxG, included in LossG); 0 for the unconditional game.
/// </summary>
public sealed record GanStepResult(float LossD, float LossG, float DReal, float DFake, float AuxD = 0, float AuxG = 0);
