using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>Hyper-parameter checks and the printed form shared by the convolution layers.</summary>
internal static class ConvArgs
{
    public static void Check(string layer, int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding)
    {
        if (inChannels <= 0) throw new ArgumentOutOfRangeException(nameof(inChannels), $"{layer}: inChannels must be positive, got {inChannels}.");
        if (outChannels <= 0) throw new ArgumentOutOfRangeException(nameof(outChannels), $"{layer}: outChannels must be positive, got {outChannels}.");
        if (kernelSize.H <= 0 || kernelSize.W <= 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), $"{layer}: kernelSize must be positive, got {kernelSize}.");
        if (stride.H <= 0 || stride.W <= 0) throw new ArgumentOutOfRangeException(nameof(stride), $"{layer}: stride must be positive, got {stride}.");
        if (padding.H < 0 || padding.W < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"{layer}: padding must be non-negative, got {padding}.");
    }

    /// <summary>The layer's own message for a wrong input, before the op's more general one.</summary>
    public static void CheckInput(string layer, Tensor input, int inChannels)
    {
        if (input.Dim != 4 || input.Size(1) != inChannels)
            throw new ShapeMismatchException(
                $"{layer}: expected input with {inChannels} channels (N, {inChannels}, H, W), got {input.ShapeString}." +
                (input.Dim == 3 && input.Size(0) == inChannels ? " For a single image use x.Unsqueeze(0)." : "") +
                (input.Dim == 2 ? " Reshape flat rows first, e.g. x.Reshape(-1, 1, 28, 28)." : ""));
    }

    /// <summary>PyTorch's form: <c>1, 64, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1)</c>, non-defaults only after the stride.</summary>
    public static string Repr(int inChannels, int outChannels, (int H, int W) k, (int H, int W) s, (int H, int W) p, (int H, int W) op, bool bias)
    {
        var r = $"{inChannels}, {outChannels}, kernel_size={T(k)}, stride={T(s)}";
        if (p != (0, 0)) r += $", padding={T(p)}";
        if (op != (0, 0)) r += $", output_padding={T(op)}";
        if (!bias) r += ", bias=False";
        return r;
    }

    private static string T((int H, int W) v) => $"({v.H}, {v.W})";
}
