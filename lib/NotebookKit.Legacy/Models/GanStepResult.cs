namespace NotebookKit.Models;

/// <summary>What one GAN step measured: both losses and the discriminator's mean outputs D(x) on real and
/// D(G(z)) on generated samples (before the generator's update). At the game's equilibrium both are ½.</summary>
public sealed record GanStepResult(float LossD, float LossG, float DReal, float DFake);
