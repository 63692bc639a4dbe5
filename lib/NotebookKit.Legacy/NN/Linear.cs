using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Affine layer y = x·Wᵀ + b (PyTorch: <c>nn.Linear</c>).
/// Shape: (…, inFeatures) → (…, outFeatures). Parameters: Weight (outFeatures, inFeatures), Bias (outFeatures).
/// Init (as PyTorch): W ~ U(−1/√in, 1/√in) (Kaiming-uniform with a = √5), b ~ U(−1/√in, 1/√in).
/// <example><code>var fc = new Linear(784, 400); var h = fc.Forward(x); // (128, 784) → (128, 400)</code></example>
/// </summary>
public sealed class Linear : Module
{
    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null)
    {
        if (inFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear: inFeatures must be positive, got {inFeatures}.");
        if (outFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(outFeatures), $"Linear: outFeatures must be positive, got {outFeatures}.");
        InFeatures = inFeatures; OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Torch.Zeros(outFeatures, inFeatures));
        if (bias) Bias = RegisterParameter("bias", Torch.Zeros(outFeatures));
        ResetParameters(generator);
    }

    /// <summary>Re-draws the weights with PyTorch's default initialisation.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        Init.KaimingUniform_(Weight, MathF.Sqrt(5f), generator);
        if (Bias != null)
        {
            float bound = 1f / MathF.Sqrt(InFeatures);
            Init.Uniform_(Bias, -bound, bound, generator);
        }
    }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={Bias != null}";
}
