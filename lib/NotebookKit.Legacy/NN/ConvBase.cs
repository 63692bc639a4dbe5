using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// What <see cref="Conv2d"/> and <see cref="ConvTranspose2d"/> share (PyTorch: <c>_ConvNd</c>): the hyper-parameters,
/// the weight and bias, PyTorch's default initialisation and the printed form. Only the library derives from it.
/// </summary>
public abstract class ConvBase : Module
{
    public int InChannels { get; }
    public int OutChannels { get; }
    public (int H, int W) KernelSize { get; }
    public (int H, int W) Stride { get; }
    public (int H, int W) Padding { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    /// <summary>Zero output padding for Conv2d; ConvTranspose2d's extra rows/columns on one side.</summary>
    private protected (int H, int W) OutputPaddingCore { get; }

    private protected ConvBase(string layer, int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride,
        (int H, int W) padding, (int H, int W) outputPadding, int[] weightShape, bool bias, Generator? generator)
    {
        ConvArgs.Check(layer, inChannels, outChannels, kernelSize, stride, padding);
        InChannels = inChannels; OutChannels = outChannels;
        KernelSize = kernelSize; Stride = stride; Padding = padding; OutputPaddingCore = outputPadding;
        Weight = RegisterParameter("weight", Torch.Zeros(weightShape));
        if (bias) Bias = RegisterParameter("bias", Torch.Zeros(outChannels));
        ResetParameters(generator);
    }

    /// <summary>Re-draws the weights with PyTorch's default initialisation: W Kaiming-uniform with a = √5,
    /// b ~ U(−1/√fanIn, 1/√fanIn), fanIn from the weight's dim 1 times kH·kW.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        Init.KaimingUniform_(Weight, MathF.Sqrt(5f), generator);
        if (Bias != null)
        {
            float bound = 1f / MathF.Sqrt(Init.CalculateFans(Weight).FanIn);
            Init.Uniform_(Bias, -bound, bound, generator);
        }
    }

    protected override string ExtraRepr() =>
        ConvArgs.Repr(InChannels, OutChannels, KernelSize, Stride, Padding, OutputPaddingCore, Bias != null);
}
