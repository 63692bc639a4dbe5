using NotebookKit.Tensors;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// Checks an op's backward against central differences. The op's output is reduced to a scalar with fixed
/// random weights (so errors cannot cancel by symmetry); each input element is nudged by ±eps and
/// (L(x+eps) − L(x−eps)) / 2eps is compared with the analytic gradient:
/// |numeric − analytic| ≤ atol + rtol·|numeric|. The engine is float32, so eps and tolerances are float-sized.
/// </summary>
internal static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> op, Tensor[] inputs, float eps = 1e-2f, float atol = 1e-2f,
        float rtol = 2e-2f, ulong seed = 1234, string? name = null)
    {
        var leaves = inputs.Select(t => t.Detach().RequiresGrad_()).ToArray();
        var probe = op(leaves);
        var weights = Torch.Randn(probe.Shape, new Generator(seed));
        (probe * weights).Sum().Backward();
        var analytic = leaves.Select(l => l.Grad?.ToArray() ?? new float[l.Numel]).ToArray();

        for (int k = 0; k < leaves.Length; k++)
        {
            var x = leaves[k].data;
            for (int i = 0; i < x.Length; i++)
            {
                float orig = x[i];
                x[i] = orig + eps; float up = Loss(op, leaves, weights);
                x[i] = orig - eps; float down = Loss(op, leaves, weights);
                x[i] = orig;
                float numeric = (up - down) / (2 * eps);
                float a = analytic[k][i];
                if (!(MathF.Abs(numeric - a) <= atol + rtol * MathF.Abs(numeric)))
                    throw new Xunit.Sdk.XunitException(
                        $"{name ?? "op"}: gradient of input {k} {leaves[k].ShapeString} at flat index {i}: " +
                        $"analytic {a}, numeric {numeric} (eps {eps}).");
            }
        }
    }

    private static float Loss(Func<Tensor[], Tensor> op, Tensor[] leaves, Tensor weights)
    {
        using var _ = Torch.NoGrad();
        return (op(leaves) * weights).Sum().Item();
    }

    /// <summary>Random inputs, away from kinks when <paramref name="awayFromZero"/> (relu, abs at 0 have no derivative).</summary>
    public static Tensor Random(int[] shape, ulong seed, float low = -1f, float high = 1f, bool awayFromZero = false)
    {
        var t = Torch.Uniform(shape, low, high, new Generator(seed));
        if (awayFromZero)
            for (int i = 0; i < t.data.Length; i++)
                if (MathF.Abs(t.data[i]) < 0.1f) t.data[i] += t.data[i] < 0 ? -0.1f : 0.1f;
        return t;
    }
}
