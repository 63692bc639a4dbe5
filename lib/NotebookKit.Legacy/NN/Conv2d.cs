using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// 2-d convolution layer (PyTorch: <c>nn.Conv2d</c>): y[n, o] = b[o] + Σ_c W[o, c] ⋆ x[n, c], the kernel sliding with
/// <see cref="ConvBase.Stride"/> over the input zero-padded by <see cref="ConvBase.Padding"/>.
/// Shape: (N, inChannels, H, W) → (N, outChannels, Hout, Wout), Hout = ⌊(H + 2·padding − kernelSize)/stride⌋ + 1.
/// Parameters: Weight (outChannels, inChannels, kH, kW), Bias (outChannels).
/// Init (as PyTorch): W ~ U(−1/√fanIn, 1/√fanIn) (Kaiming-uniform with a = √5), b ~ U(−1/√fanIn, 1/√fanIn), fanIn = inChannels·kH·kW.
/// <example><code>var conv = new Conv2d(1, 64, kernelSize: 4, stride: 2, padding: 1); var h = conv.Forward(X); // (64, 1, 28, 28) → (64, 64, 14, 14)</code></example>
/// </summary>
public sealed class Conv2d : ConvBase
{
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), bias, generator) { }

    /// <summary>With separate (height, width) kernel size, stride and padding.</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding,
        bool bias = true, Generator? generator = null)
        : base("Conv2d", inChannels, outChannels, kernelSize, stride, padding, (0, 0),
            [outChannels, inChannels, kernelSize.H, kernelSize.W], bias, generator) { }

    public override Tensor Forward(Tensor input)
    {
        ConvArgs.CheckInput("Conv2d", input, InChannels);
        return Functional.Conv2d(input, Weight, Bias, Stride, Padding);
    }
}
