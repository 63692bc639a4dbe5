using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Stateless layer math, as <c>torch.nn.functional</c> (import with <c>using F = NotebookKit.NN.Functional;</c>).
/// Modules hold parameters and call these; notebooks can call them directly to show the formula at work.
/// </summary>
public static partial class Functional
{
    /// <summary>y = x·Wᵀ + b. Shapes: x (…, in), W (out, in), b (out) → (…, out).</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) => Tensor.LinearCore(input, weight, bias);

    public static Tensor Relu(Tensor x) => x.Relu();

    public static Tensor LeakyRelu(Tensor x, float negativeSlope = 0.01f) => x.LeakyRelu(negativeSlope);

    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();

    public static Tensor Tanh(Tensor x) => x.Tanh();

    public static Tensor Softplus(Tensor x) => x.Softplus();

    public static Tensor Softmax(Tensor x, int dim) => x.Softmax(dim);

    public static Tensor LogSoftmax(Tensor x, int dim) => x.LogSoftmax(dim);

    /// <summary>
    /// Inverted dropout: y = x ⊙ m / (1 − p) with m ~ Bernoulli(1 − p) in training, y = x otherwise.
    /// Composed from Mul, so it needs no backward of its own.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p = 0.5f, bool training = true, Generator? generator = null)
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: p must be in [0, 1], got {p}.");
        if (!training || p == 0) return x;
        if (p == 1) return x * 0f;
        var g = generator ?? Torch.DefaultGenerator;
        var mask = Tensor.NewDataUninitialized(x.Numel);
        float keep = 1f / (1f - p);
        for (int i = 0; i < mask.Length; i++) mask[i] = g.NextFloat() >= p ? keep : 0f;
        return x * Tensor.Owning(x.Shape, mask, "Dropout");
    }

    /// <summary>One-hot rows: (N,) class indices → (N, numClasses) with a 1 at each index (PyTorch: <c>F.one_hot</c>, as float).</summary>
    public static Tensor OneHot(int[] labels, int numClasses)
    {
        var d = Tensor.NewData(labels.Length * numClasses);
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)numClasses)
                throw new ArgumentOutOfRangeException(nameof(labels), $"OneHot: labels[{i}] = {labels[i]} is not in [0, {numClasses}).");
            d[i * numClasses + labels[i]] = 1f;
        }
        return Tensor.Owning([labels.Length, numClasses], d, "OneHot");
    }

    internal static Tensor Reduce(Tensor perElement, Reduction reduction) => reduction switch
    {
        Reduction.Mean => perElement.Mean(),
        Reduction.Sum => perElement.Sum(),
        _ => perElement,
    };
}
