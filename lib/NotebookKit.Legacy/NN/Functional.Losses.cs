using NotebookKit.Tensors.Kernels;
using NotebookKit.Tensors;

namespace NotebookKit.NN;

// Losses. BCE, BCE-with-logits and NLL are primitives with their own backward (for numerical
// stability and speed); MSE, cross-entropy and the Gaussian KL are composed from primitives.
public static partial class Functional
{
    /// <summary>ℓ = (ŷ − y)². Shapes must match.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(input, target, "MseLoss");
        var d = input - target;
        return Reduce(d * d, reduction);
    }

    /// <summary>
    /// ℓ = −[y·log p + (1 − y)·log(1 − p)] for probabilities p (e.g. a sigmoid output), logs clamped at −100 as
    /// PyTorch does, so p = 0 or 1 gives a finite loss. ∂ℓ/∂p = (p − y) / max(p(1 − p), 1e−12); ∂ℓ/∂y = log(1 − p) − log p.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(input, target, "BinaryCrossEntropy");
        var p = input.data; var y = target.data;
        var l = Tensor.NewDataUninitialized(p.Length);
        var logOdds = new float[p.Length]; // log p − log(1 − p), clamped: −∂ℓ/∂y
        for (int i = 0; i < l.Length; i++)
        {
            if (p[i] < 0 || p[i] > 1 || float.IsNaN(p[i]))
                throw new ArgumentOutOfRangeException(nameof(input),
                    $"BinaryCrossEntropy: input[{i}] = {p[i]} is not a probability in [0, 1]. Apply Sigmoid first, or use BinaryCrossEntropyWithLogits.");
            float logP = MathF.Max(MathF.Log(p[i]), -100f), log1mP = MathF.Max(MathF.Log(1f - p[i]), -100f);
            l[i] = -(y[i] * logP + (1f - y[i]) * log1mP);
            logOdds[i] = logP - log1mP;
        }
        var o = Tensor.MakeResult(input.shape, l, "BinaryCrossEntropy", input, target);
        o.WithBackward(() =>
        {
            var g = o.grad!;
            if (input.RequiresGrad)
            {
                var gx = input.GradBuffer();
                for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * (p[i] - y[i]) / MathF.Max(p[i] * (1f - p[i]), 1e-12f);
            }
            if (target.RequiresGrad) // ∂ℓ/∂y = log(1 − p) − log p (soft targets, e.g. a generator's output used as target)
            {
                var gy = target.GradBuffer();
                for (int i = 0; i < gy.Length; i++) gy[i] -= g[i] * logOdds[i];
            }
        });
        return Reduce(o, reduction);
    }

    /// <summary>
    /// BCE on logits x, stable for any x: ℓ = max(x, 0) − x·y + log(1 + e^{−|x|}); ∂ℓ/∂x = σ(x) − y.
    /// The GAN losses use this (PyTorch: <c>binary_cross_entropy_with_logits</c>).
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(input, target, "BinaryCrossEntropyWithLogits");
        var x = input.data; var y = target.data;
        Tensor o;
        float scale = 1f; // ∂(reduced loss)/∂ℓᵢ
        if (reduction == Reduction.None)
        {
            var l = Tensor.NewDataUninitialized(x.Length);
            BceKernels.PerElement(x, y, l);
            o = Tensor.MakeResult(input.shape, l, "BinaryCrossEntropyWithLogits", input, target);
        }
        else
        {
            // Fused reduction: the per-element losses are never stored.
            double sum = BceKernels.Sum(x, y);
            if (reduction == Reduction.Mean) { scale = 1f / Math.Max(x.Length, 1); sum *= scale; }
            var l = Tensor.NewDataUninitialized(1);
            l[0] = (float)sum;
            o = Tensor.MakeResult([], l, "BinaryCrossEntropyWithLogits", input, target);
        }
        return o.WithBackward(() =>
        {
            var g = o.grad!;
            bool perElement = reduction == Reduction.None;
            if (input.RequiresGrad)
                BceKernels.AccumulateGrad(x, y, perElement ? 1f : g[0] * scale, perElement ? g : default, input.GradBuffer());
            if (target.RequiresGrad) // ∂ℓ/∂y = −x
            {
                var gy = target.GradBuffer();
                for (int i = 0; i < gy.Length; i++) gy[i] -= (perElement ? g[i] : g[0] * scale) * x[i];
            }
        });
    }

    /// <summary>Negative log-likelihood of class indices under log-probabilities (N, C): ℓᵢ = −logp[i, targetᵢ].</summary>
    public static Tensor NllLoss(Tensor logProbs, int[] target, Reduction reduction = Reduction.Mean)
    {
        if (logProbs.Dim != 2) throw new ShapeMismatchException($"NllLoss: expects log-probabilities of shape (N, C); got {logProbs.ShapeString}.");
        int n = logProbs.Size(0), c = logProbs.Size(1);
        if (target.Length != n)
            throw new ShapeMismatchException($"NllLoss: {target.Length} targets for a batch of {n} (input {logProbs.ShapeString}).");
        var l = Tensor.NewDataUninitialized(n);
        for (int i = 0; i < n; i++)
        {
            if ((uint)target[i] >= (uint)c)
                throw new ArgumentOutOfRangeException(nameof(target), $"NllLoss: target[{i}] = {target[i]} is not a class index in [0, {c}).");
            l[i] = -logProbs.data[i * c + target[i]];
        }
        var o = Tensor.MakeResult([n], l, "NllLoss", logProbs);
        o.WithBackward(() =>
        {
            if (!logProbs.RequiresGrad) return;
            var gx = logProbs.GradBuffer();
            for (int i = 0; i < n; i++) gx[i * c + target[i]] -= o.grad![i];
        });
        return Reduce(o, reduction);
    }

    /// <summary>ℓᵢ = −log softmax(xᵢ)[targetᵢ] for logits (N, C) and class indices.</summary>
    public static Tensor CrossEntropy(Tensor logits, int[] target, Reduction reduction = Reduction.Mean) =>
        NllLoss(logits.LogSoftmax(1), target, reduction);

    /// <summary>
    /// KL(N(μ, σ²) ‖ N(0, I)) in closed form, with log σ² as input: −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²).
    /// Shapes: mu, logVar (N, D). Reduction.None gives one value per sample (N,), Mean averages those over
    /// the batch, Sum totals the batch (the VAE's per-batch loss, as in the PyTorch reference).
    /// </summary>
    public static Tensor GaussianKl(Tensor mu, Tensor logVar, Reduction reduction = Reduction.Sum)
    {
        CheckSameShape(mu, logVar, "GaussianKl");
        var terms = 1f + logVar - mu * mu - logVar.Exp();
        var perSample = terms.Dim >= 2 ? terms.Flatten(1).Sum(1) * -0.5f : terms.Sum() * -0.5f;
        return Reduce(perSample, reduction);
    }

    private static void CheckSameShape(Tensor input, Tensor target, string op)
    {
        if (!ShapeUtil.SameShape(input.shape, target.shape))
            throw new ShapeMismatchException(
                $"{op}: input has shape {input.ShapeString} but target has {target.ShapeString}; they must match " +
                "(a (N, 1) vs (N,) mix-up is common: Reshape one of them).");
    }
}
