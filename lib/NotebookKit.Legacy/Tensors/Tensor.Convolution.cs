using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// 2-d convolution and its adjoint (transposed convolution) as primitives. Both unfold images into a
// column matrix (im2col) so the arithmetic is one GEMM per chunk of images:
//   Conv2d:           Y = W·cols(X)            dW += dY·cols(X)ᵀ    dX += col2im(Wᵀ·dY)
//   ConvTranspose2d:  Y = col2im(Wᵀ·X)         dW += X·cols(dY)ᵀ    dX += W·cols(dY)
// with W seen as a matrix (Cout, Cin·kH·kW) for Conv2d and (Cin, Cout·kH·kW) for ConvTranspose2d.
// GEMMs run on the calling thread in a fixed order, so results do not depend on the thread count.
public sealed partial class Tensor
{
    /// <summary>Cross-correlation y[n, o] = b[o] + Σ_c W[o, c] ⋆ x[n, c]: (N, Cin, H, W), (Cout, Cin, kH, kW) → (N, Cout, Hout, Wout),
    /// Hout = (H + 2p − kH)/s + 1. NN.Conv2d and Functional.Conv2d call this.</summary>
    internal static Tensor Conv2dCore(Tensor x, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding)
    {
        const string op = "Conv2d";
        CheckConvArgs(op, x, weight, bias, stride, padding, (0, 0));
        int n = x.shape[0], cin = x.shape[1], h = x.shape[2], w = x.shape[3];
        int cout = weight.shape[0], kh = weight.shape[2], kw = weight.shape[3];
        if (weight.shape[1] != cin)
            throw new ShapeMismatchException(
                $"{op}: expected input with {weight.shape[1]} channels (N, {weight.shape[1]}, H, W), got {x.ShapeString} (weight {weight.ShapeString}). " +
                "Check the previous layer's output channels.");
        if (bias != null && (bias.Dim != 1 || bias.shape[0] != cout))
            throw new ShapeMismatchException($"{op}: bias must have shape ({cout},) to match weight {weight.ShapeString}; got {bias.ShapeString}.");
        int oh = (h + 2 * padding.H - kh) / stride.H + 1, ow = (w + 2 * padding.W - kw) / stride.W + 1;
        if (h + 2 * padding.H < kh || w + 2 * padding.W < kw)
            throw new ShapeMismatchException(
                $"{op}: input {x.ShapeString} padded by {padding} is smaller than the kernel {kh}×{kw}. Use a larger input, more padding or a smaller kernel.");

        var g = new ConvGeometry(cin, h, w, kh, kw, stride.H, stride.W, padding.H, padding.W, oh, ow);
        var y = NewData(n * cout * g.L);
        // When the whole batch is one chunk and dW will be needed, the forward's column matrix is kept for the
        // backward (it is exactly what dW = dY·colsᵀ needs), saving a second im2col. A retained graph may run the
        // backward twice, so it lives as long as the output: inside a dispose scope it is pooled and released with it.
        bool keepCols = !NoGradScope.IsActive && weight.requiresGrad && g.ChunkSize(n) >= n;
        float[]? keptCols = null;
        ForEachChunk(n, g, (n0, count, cols) =>
        {
            var col = keepCols ? NewDataUninitialized(g.K * cols) : BufferPool.Rent(g.K * cols);
            var yc = BufferPool.Rent(cout * cols);
            Im2Col.Unfold(x.data, n0, count, g, col);
            Gemm.Sgemm(false, false, cout, cols, g.K, 1f, weight.data, 0, g.K, col, 0, cols, 0f, yc, 0, cols);
            Im2Col.FromChannelMajor(yc, n0, count, cout, g.L, y, bias?.data, accumulate: false);
            if (keepCols) keptCols = col; else BufferPool.Return(col);
            BufferPool.Return(yc);
        });

        var o = bias == null ? MakeResult([n, cout, oh, ow], y, op, x, weight) : MakeResult([n, cout, oh, ow], y, op, x, weight, bias);
        if (keptCols != null) o.KeepForBackward(keptCols);
        return o.WithBackward(() =>
        {
            var gy = o.grad!;
            ForEachChunk(n, g, (n0, count, cols) =>
            {
                var dyc = BufferPool.Rent(cout * cols);
                Im2Col.ToChannelMajor(gy, n0, count, cout, g.L, dyc);
                var col = BufferPool.Rent(g.K * cols);
                if (weight.requiresGrad) // dW += dY·colsᵀ
                {
                    var xCols = keptCols ?? col;
                    if (keptCols == null) Im2Col.Unfold(x.data, n0, count, g, col);
                    Gemm.Sgemm(false, true, cout, g.K, cols, 1f, dyc, 0, cols, xCols, 0, cols, 1f, weight.GradBuffer(), 0, g.K);
                }
                if (x.requiresGrad) // dX += col2im(Wᵀ·dY)
                {
                    Gemm.Sgemm(true, false, g.K, cols, cout, 1f, weight.data, 0, g.K, dyc, 0, cols, 0f, col, 0, cols);
                    Im2Col.Col2Im(col, n0, count, g, x.GradBuffer());
                }
                BufferPool.Return(col); BufferPool.Return(dyc);
            });
            if (bias != null && bias.requiresGrad) AddChannelSums(gy, n, cout, g.L, bias.GradBuffer());
        });
    }

    /// <summary>The adjoint of Conv2d ("deconvolution"): (N, Cin, H, W), (Cin, Cout, kH, kW) → (N, Cout, Hout, Wout),
    /// Hout = (H − 1)s − 2p + kH + outputPadding. NN.ConvTranspose2d and Functional.ConvTranspose2d call this.</summary>
    internal static Tensor ConvTranspose2dCore(Tensor x, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) outputPadding)
    {
        const string op = "ConvTranspose2d";
        CheckConvArgs(op, x, weight, bias, stride, padding, outputPadding);
        int n = x.shape[0], cin = x.shape[1], h = x.shape[2], w = x.shape[3];
        int cout = weight.shape[1], kh = weight.shape[2], kw = weight.shape[3];
        if (weight.shape[0] != cin)
            throw new ShapeMismatchException(
                $"{op}: expected input with {weight.shape[0]} channels (N, {weight.shape[0]}, H, W), got {x.ShapeString} (weight {weight.ShapeString} is (Cin, Cout, kH, kW)). " +
                "Check the previous layer's output channels.");
        if (bias != null && (bias.Dim != 1 || bias.shape[0] != cout))
            throw new ShapeMismatchException($"{op}: bias must have shape ({cout},) to match weight {weight.ShapeString}; got {bias.ShapeString}.");
        int oh = (h - 1) * stride.H - 2 * padding.H + kh + outputPadding.H;
        int ow = (w - 1) * stride.W - 2 * padding.W + kw + outputPadding.W;
        if (oh <= 0 || ow <= 0)
            throw new ShapeMismatchException(
                $"{op}: input {x.ShapeString} with kernel {kh}×{kw}, stride {stride} and padding {padding} gives an empty output ({oh}×{ow}). Reduce the padding.");

        // The image side of im2col is this op's output; the window positions are the input pixels.
        var g = new ConvGeometry(cout, oh, ow, kh, kw, stride.H, stride.W, padding.H, padding.W, h, w);
        var y = NewData(n * cout * oh * ow); // col2im adds into it
        ForEachChunk(n, g, (n0, count, cols) =>
        {
            var xc = BufferPool.Rent(cin * cols);
            var col = BufferPool.Rent(g.K * cols);
            Im2Col.ToChannelMajor(x.data, n0, count, cin, g.L, xc);
            Gemm.Sgemm(true, false, g.K, cols, cin, 1f, weight.data, 0, g.K, xc, 0, cols, 0f, col, 0, cols);
            Im2Col.Col2Im(col, n0, count, g, y);
            BufferPool.Return(col); BufferPool.Return(xc);
        });
        if (bias != null) AddChannelBias(y, n, cout, oh * ow, bias.data);

        var o = bias == null ? MakeResult([n, cout, oh, ow], y, op, x, weight) : MakeResult([n, cout, oh, ow], y, op, x, weight, bias);
        return o.WithBackward(() =>
        {
            var gy = o.grad!;
            ForEachChunk(n, g, (n0, count, cols) =>
            {
                var col = BufferPool.Rent(g.K * cols);
                var xc = BufferPool.Rent(cin * cols);
                Im2Col.Unfold(gy, n0, count, g, col);
                if (weight.requiresGrad) // dW += X·cols(dY)ᵀ
                {
                    Im2Col.ToChannelMajor(x.data, n0, count, cin, g.L, xc);
                    Gemm.Sgemm(false, true, cin, g.K, cols, 1f, xc, 0, cols, col, 0, cols, 1f, weight.GradBuffer(), 0, g.K);
                }
                if (x.requiresGrad) // dX += W·cols(dY)
                {
                    Gemm.Sgemm(false, false, cin, cols, g.K, 1f, weight.data, 0, g.K, col, 0, cols, 0f, xc, 0, cols);
                    Im2Col.FromChannelMajor(xc, n0, count, cin, g.L, x.GradBuffer(), null, accumulate: true);
                }
                BufferPool.Return(xc); BufferPool.Return(col);
            });
            if (bias != null && bias.requiresGrad) AddChannelSums(gy, n, cout, oh * ow, bias.GradBuffer());
        });
    }

    private static void CheckConvArgs(string op, Tensor x, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) outputPadding)
    {
        if (x.Dim != 4)
            throw new ShapeMismatchException(
                $"{op}: expected a 4-d input (N, C, H, W), got {x.ShapeString}. For a single image use x.Unsqueeze(0); " +
                "for flat vectors reshape first, e.g. x.Reshape(-1, 1, 28, 28).");
        if (weight.Dim != 4)
            throw new ShapeMismatchException($"{op}: expected a 4-d weight, got {weight.ShapeString}.");
        if (stride.H <= 0 || stride.W <= 0)
            throw new ArgumentOutOfRangeException(nameof(stride), $"{op}: stride must be positive, got {stride}.");
        if (padding.H < 0 || padding.W < 0)
            throw new ArgumentOutOfRangeException(nameof(padding), $"{op}: padding must be non-negative, got {padding}.");
        if (outputPadding.H < 0 || outputPadding.W < 0 || outputPadding.H >= stride.H || outputPadding.W >= stride.W)
            throw new ArgumentOutOfRangeException(nameof(outputPadding),
                $"{op}: outputPadding must be non-negative and smaller than the stride {stride}, got {outputPadding}.");
    }

    // Chunks of images in a fixed order; the chunk size depends on the shapes only (see ConvGeometry.ChunkSize).
    private static void ForEachChunk(int n, ConvGeometry g, Action<int, int, int> body)
    {
        int chunk = g.ChunkSize(n);
        for (int n0 = 0; n0 < n; n0 += chunk)
        {
            int count = Math.Min(chunk, n - n0);
            body(n0, count, count * g.L);
        }
    }

    private static void AddChannelBias(float[] y, int n, int c, int l, float[] bias)
    {
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++)
            {
                var s = y.AsSpan((b * c + ch) * l, l);
                float v = bias[ch];
                for (int q = 0; q < s.Length; q++) s[q] += v;
            }
    }

    // db[c] += Σ_{n, l} dy[n, c, l], summed in a fixed order.
    private static void AddChannelSums(float[] gy, int n, int c, int l, float[] db)
    {
        for (int ch = 0; ch < c; ch++)
        {
            float s = 0f;
            for (int b = 0; b < n; b++) s += Broadcasting.Sum(gy.AsSpan((b * c + ch) * l, l));
            db[ch] += s;
        }
    }
}
