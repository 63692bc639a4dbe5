using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>x for x &gt; 0, negativeSlope·x otherwise; keeps a gradient for negative inputs (GAN discriminators use 0.2).
/// Shape: any → same.</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    public float NegativeSlope { get; } = negativeSlope;

    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);

    protected override string ExtraRepr() => $"negative_slope={NegativeSlope}";
}
