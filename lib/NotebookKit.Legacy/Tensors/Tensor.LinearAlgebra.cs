using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;

// Matrix products, all through the one SGEMM kernel. For C = A·B the backward is
// dA += dC·Bᵀ and dB += Aᵀ·dC, which SGEMM computes without materialising a transpose.
public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product, as <c>torch.matmul</c>: (m, k)·(k, n) → (m, n); a 1-d operand is a vector;
    /// (…, m, k)·(k, n) treats the leading dims as rows; (m, k)·(b…, k, n) applies one matrix to a batch;
    /// (b…, m, k)·(b…, k, n) is a batched product (batch dims must be equal: no further broadcasting).
    /// </summary>
    public Tensor Matmul(Tensor other)
    {
        var a = this; var b = other;
        if (a.Dim == 0 || b.Dim == 0)
            throw new ShapeMismatchException($"Matmul: both operands need at least 1 dimension; got {a.ShapeString} and {b.ShapeString}.");
        if (a.Dim == 1 && b.Dim == 1) return a.Unsqueeze(0).Matmul(b.Unsqueeze(1)).Reshape();
        if (a.Dim == 1) return a.Unsqueeze(0).Matmul(b).Squeeze(-2);
        if (b.Dim == 1) return a.Matmul(b.Unsqueeze(1)).Squeeze(-1);
        int k = a.shape[^1];
        if (b.shape[^2] != k)
            throw new ShapeMismatchException(
                $"Matmul: inner dimensions differ: {a.ShapeString} · {b.ShapeString} ({k} vs {b.shape[^2]}). " +
                "The last dim of the first operand must equal the second-to-last of the second; a Transpose may be missing.");
        if (b.Dim == 2)
        {
            // Leading dims of a fold into rows: one GEMM.
            int m = a.Numel / Math.Max(k, 1), n = b.shape[1];
            return MatmulCore(a, b, 1, m, n, k, ShapeUtil.WithLast(a.shape, n));
        }
        // (m, k)·(b…, k, n), e.g. a shared matrix applied to a batch: (Bᵀ·Aᵀ)ᵀ reuses the folded path above.
        if (a.Dim == 2) return b.Transpose(-1, -2).Matmul(a.T).Transpose(-1, -2);
        if (!ShapeUtil.SameShape(a.shape[..^2], b.shape[..^2]))
            throw new ShapeMismatchException(
                $"Matmul: batch dimensions differ: {a.ShapeString} · {b.ShapeString}. Batched products need equal leading dims.");
        int batch = ShapeUtil.Numel(a.shape.AsSpan(0, a.Dim - 2));
        int mm = a.shape[^2], nn = b.shape[^1];
        return MatmulCore(a, b, batch, mm, nn, k, ShapeUtil.WithLast(a.shape, nn));
    }

    private static Tensor MatmulCore(Tensor a, Tensor b, int batch, int m, int n, int k, int[] outShape)
    {
        var y = NewDataUninitialized(batch * m * n); // β = 0: the GEMM overwrites it
        int bStride = b.Dim == 2 ? 0 : k * n;
        for (int t = 0; t < batch; t++)
            Gemm.Sgemm(false, false, m, n, k, 1f, a.data, t * m * k, k, b.data, t * bStride, n, 0f, y, t * m * n, n);
        var o = MakeResult(outShape, y, "Matmul", a, b);
        return o.WithBackward(() =>
        {
            var g = o.grad!;
            for (int t = 0; t < batch; t++)
            {
                if (a.requiresGrad) // dA = dC·Bᵀ
                    Gemm.Sgemm(false, true, m, k, n, 1f, g, t * m * n, n, b.data, t * bStride, n, 1f, a.GradBuffer(), t * m * k, k);
                if (b.requiresGrad) // dB = Aᵀ·dC (summed over the batch when B is shared)
                    Gemm.Sgemm(true, false, k, n, m, 1f, a.data, t * m * k, k, g, t * m * n, n, 1f, b.GradBuffer(), t * bStride, n);
            }
        });
    }

    /// <summary>
    /// The affine map y = x·Wᵀ + b with x (…, in), W (out, in), b (out) → (…, out): one GEMM forward,
    /// two backward, and the bias gradient as a column sum. NN.Linear and Functional.Linear call this.
    /// </summary>
    internal static Tensor LinearCore(Tensor x, Tensor weight, Tensor? bias)
    {
        if (weight.Dim != 2) throw new ShapeMismatchException($"Linear: weight must be 2-d (out, in); got {weight.ShapeString}.");
        int outF = weight.shape[0], inF = weight.shape[1];
        if (x.Dim == 0 || x.shape[^1] != inF)
            throw new ShapeMismatchException(
                $"Linear: input {x.ShapeString} does not end in in_features = {inF} (weight {weight.ShapeString}). " +
                "Flatten the input (e.g. x.Flatten(1)) or fix in_features.");
        if (bias != null && (bias.Dim != 1 || bias.shape[0] != outF))
            throw new ShapeMismatchException($"Linear: bias must have shape ({outF},); got {bias.ShapeString}.");
        int rows = x.Numel / Math.Max(inF, 1);
        var y = NewDataUninitialized(rows * outF); // bias rows, or β = 0: every element is written
        float beta = 0f;
        if (bias != null)
        {
            for (int r = 0; r < rows; r++) Array.Copy(bias.data, 0, y, r * outF, outF);
            beta = 1f;
        }
        Gemm.Sgemm(false, true, rows, outF, inF, 1f, x.data, 0, inF, weight.data, 0, inF, beta, y, 0, outF);
        var outShape = ShapeUtil.WithLast(x.shape, outF);
        var o = bias == null ? MakeResult(outShape, y, "Linear", x, weight) : MakeResult(outShape, y, "Linear", x, weight, bias);
        return o.WithBackward(() =>
        {
            var g = o.grad!;
            if (x.requiresGrad) Gemm.Sgemm(false, false, rows, inF, outF, 1f, g, 0, outF, weight.data, 0, inF, 1f, x.GradBuffer(), 0, inF);
            if (weight.requiresGrad) Gemm.Sgemm(true, false, outF, inF, rows, 1f, g, 0, outF, x.data, 0, inF, 1f, weight.GradBuffer(), 0, inF);
            if (bias != null && bias.requiresGrad)
            {
                var gb = bias.GradBuffer();
                for (int r = 0; r < rows; r++) Broadcasting.Add(gb, g.AsSpan(r * outF, outF));
            }
        });
    }
}
