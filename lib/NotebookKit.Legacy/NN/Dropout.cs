using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// In training, zeroes each element with probability p and scales the rest by 1/(1−p), so the expected
/// activation is unchanged; identity in eval mode. Shape: any → same.
/// </summary>
public sealed class Dropout : Module
{
    private readonly Generator? generator;

    public float P { get; }

    public Dropout(float p = 0.5f, Generator? generator = null)
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: p must be in [0, 1], got {p}.");
        P = p;
        this.generator = generator;
    }

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, generator);

    protected override string ExtraRepr() => $"p={P}";
}
