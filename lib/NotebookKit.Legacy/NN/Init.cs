using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Weight initialisers, in place (PyTorch: <c>torch.nn.init</c>). All draw from a <see cref="Generator"/>
/// (the default one unless given), so a seed fixes the initial weights.
/// </summary>
public static class Init
{
    /// <summary>fan_in = size(1) · receptive field; fan_out = size(0) · receptive field (for (out, in, kh, kw) weights).</summary>
    public static (int FanIn, int FanOut) CalculateFans(Tensor t)
    {
        if (t.Dim < 2) throw new ArgumentException($"Init: fan in/out need a tensor with at least 2 dims; got {t.ShapeString}.");
        int receptive = 1;
        for (int i = 2; i < t.Dim; i++) receptive *= t.Size(i);
        return (t.Size(1) * receptive, t.Size(0) * receptive);
    }

    /// <summary>U(−b, b) with b = gain·√(3 / fan_in), gain = √(2 / (1 + a²)). PyTorch's Linear/Conv default uses a = √5,
    /// which gives b = 1/√fan_in.</summary>
    public static Tensor KaimingUniform_(Tensor t, float a = 0f, Generator? generator = null)
    {
        var (fanIn, _) = CalculateFans(t);
        float gain = MathF.Sqrt(2f / (1f + a * a));
        float bound = gain * MathF.Sqrt(3f / fanIn);
        return Uniform_(t, -bound, bound, generator);
    }

    /// <summary>U(−b, b) with b = √(6 / (fan_in + fan_out)) (Glorot).</summary>
    public static Tensor XavierUniform_(Tensor t, float gain = 1f, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFans(t);
        float bound = gain * MathF.Sqrt(6f / (fanIn + fanOut));
        return Uniform_(t, -bound, bound, generator);
    }

    /// <summary>Fills with U(low, high).</summary>
    public static Tensor Uniform_(Tensor t, float low, float high, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        for (int i = 0; i < t.data.Length; i++) t.data[i] = low + (high - low) * g.NextFloat();
        return t;
    }

    /// <summary>Fills with N(mean, std²) (DCGAN initialises with N(0, 0.02²)).</summary>
    public static Tensor Normal_(Tensor t, float mean = 0f, float std = 1f, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        for (int i = 0; i < t.data.Length; i++) t.data[i] = mean + std * g.NextNormal();
        return t;
    }

    public static Tensor Constant_(Tensor t, float value) { Array.Fill(t.data, value); return t; }

    public static Tensor Zeros_(Tensor t) => Constant_(t, 0f);

    public static Tensor Ones_(Tensor t) => Constant_(t, 1f);
}
