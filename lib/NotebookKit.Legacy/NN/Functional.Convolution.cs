using NotebookKit.Tensors;

namespace NotebookKit.NN;

public static partial class Functional
{
    /// <summary>
    /// 2-d convolution (cross-correlation, as <c>F.conv2d</c>):
    /// y[n, o, i, j] = b[o] + Σ_{c, u, v} W[o, c, u, v] · x[n, c, i·s + u − p, j·s + v − p] (zero outside the image).
    /// Shapes: input (N, Cin, H, W), weight (Cout, Cin, kH, kW), bias (Cout) → (N, Cout, Hout, Wout),
    /// Hout = ⌊(H + 2p − kH)/s⌋ + 1.
    /// <example><code>var y = F.Conv2d(x, w, b, stride: 2, padding: 1); // (64, 1, 28, 28), w (64, 1, 4, 4) → (64, 64, 14, 14)</code></example>
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0) =>
        Tensor.Conv2dCore(input, weight, bias, (stride, stride), (padding, padding));

    /// <summary>2-d convolution with separate (height, width) stride and padding; see the int overload.</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding) =>
        Tensor.Conv2dCore(input, weight, bias, stride, padding);

    /// <summary>
    /// Transposed 2-d convolution (as <c>F.conv_transpose2d</c>), the adjoint of <see cref="Conv2d(Tensor, Tensor, Tensor?, int, int)"/>:
    /// each input pixel scatters W[c] scaled by its value into an s-times larger output, so ⟨conv2d(x, W), y⟩ = ⟨x, conv_transpose2d(y, W)⟩.
    /// Shapes: input (N, Cin, H, W), weight (Cin, Cout, kH, kW), bias (Cout) → (N, Cout, Hout, Wout),
    /// Hout = (H − 1)s − 2p + kH + outputPadding. A DCGAN generator doubles the size with k = 4, s = 2, p = 1.
    /// <example><code>var y = F.ConvTranspose2d(h, w, b, stride: 2, padding: 1); // (64, 128, 7, 7), w (128, 64, 4, 4) → (64, 64, 14, 14)</code></example>
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0) =>
        Tensor.ConvTranspose2dCore(input, weight, bias, (stride, stride), (padding, padding), (outputPadding, outputPadding));

    /// <summary>Transposed 2-d convolution with separate (height, width) stride, padding and output padding; see the int overload.</summary>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) outputPadding = default) =>
        Tensor.ConvTranspose2dCore(input, weight, bias, stride, padding, outputPadding);
}
