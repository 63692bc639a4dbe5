using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Transposed 2-d convolution layer (PyTorch: <c>nn.ConvTranspose2d</c>), the adjoint of <see cref="Conv2d"/>: every input
/// pixel adds a copy of the kernel, scaled by its value, into an output <see cref="ConvBase.Stride"/> times larger. DCGAN generators
/// upsample with it.
/// Shape: (N, inChannels, H, W) → (N, outChannels, Hout, Wout), Hout = (H − 1)·stride − 2·padding + kernelSize + outputPadding.
/// Parameters: Weight (inChannels, outChannels, kH, kW) (note the order), Bias (outChannels).
/// Init (as PyTorch): W ~ U(−1/√fanIn, 1/√fanIn) (Kaiming-uniform with a = √5), b ~ U(−1/√fanIn, 1/√fanIn), where PyTorch
/// takes fanIn from the weight's dim 1: fanIn = outChannels·kH·kW.
/// <example><code>var up = new ConvTranspose2d(128, 64, kernelSize: 4, stride: 2, padding: 1); var h = up.Forward(z); // (64, 128, 7, 7) → (64, 64, 14, 14)</code></example>
/// </summary>
public sealed class ConvTranspose2d : ConvBase
{
    public (int H, int W) OutputPadding => OutputPaddingCore;

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0,
        bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (outputPadding, outputPadding),
            bias, generator) { }

    /// <summary>With separate (height, width) kernel size, stride, padding and output padding.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) outputPadding, bool bias = true, Generator? generator = null)
        : base("ConvTranspose2d", inChannels, outChannels, kernelSize, stride, padding, CheckOutputPadding(outputPadding, stride),
            [inChannels, outChannels, kernelSize.H, kernelSize.W], bias, generator) { }

    // Runs before the base constructor's checks, so a bad stride is left for those to report.
    private static (int H, int W) CheckOutputPadding((int H, int W) outputPadding, (int H, int W) stride) =>
        stride.H > 0 && stride.W > 0 && (outputPadding.H < 0 || outputPadding.W < 0 || outputPadding.H >= stride.H || outputPadding.W >= stride.W)
            ? throw new ArgumentOutOfRangeException(nameof(outputPadding),
                $"ConvTranspose2d: outputPadding must be non-negative and smaller than the stride {stride}, got {outputPadding}.")
            : outputPadding;

    /// <summary>The output (height, width) for an input of <paramref name="h"/>×<paramref name="w"/> pixels.</summary>
    public (int H, int W) OutputSize(int h, int w) =>
        ((h - 1) * Stride.H - 2 * Padding.H + KernelSize.H + OutputPadding.H, (w - 1) * Stride.W - 2 * Padding.W + KernelSize.W + OutputPadding.W);

    public override Tensor Forward(Tensor input)
    {
        ConvArgs.CheckInput("ConvTranspose2d", input, InChannels);
        return Functional.ConvTranspose2d(input, Weight, Bias, Stride, Padding, OutputPadding);
    }
}
