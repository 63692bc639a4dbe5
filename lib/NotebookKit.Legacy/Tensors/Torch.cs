namespace NotebookKit.Tensors;

/// <summary>
/// Tensor creation and the global switches, named as in PyTorch's <c>torch</c> module:
/// <c>Torch.Randn(128, 20)</c>, <c>Torch.ManualSeed(0)</c>, <c>using (Torch.NoGrad()) { ... }</c>.
/// </summary>
public static class Torch
{
    [ThreadStatic] private static Generator? defaultGenerator;

    /// <summary>The generator used when an op is not given one; seeded with <see cref="ManualSeed"/>.</summary>
    public static Generator DefaultGenerator => defaultGenerator ??= new Generator(0);

    /// <summary>Seeds the default generator so that runs repeat bit for bit.</summary>
    public static void ManualSeed(ulong seed) => DefaultGenerator.ManualSeed(seed);

    /// <summary>Opens a scope in which no graph is recorded.</summary>
    public static NoGradScope NoGrad() => new();

    /// <summary>Opens a scope that disposes every tensor created in it (on this thread) when it ends, returning their
    /// storage to a pool for reuse: <c>using var scope = Torch.NewDisposeScope();</c> around a training step makes the
    /// step allocate almost nothing. See <see cref="DisposeScope"/>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    public static Tensor Zeros(params int[] shape) => new(CheckShape(shape, "Zeros"), "Zeros");

    public static Tensor Ones(params int[] shape) => Full(shape, 1f);

    public static Tensor Full(int[] shape, float value)
    {
        var s = CheckShape(shape, "Full");
        var d = Tensors.Tensor.NewDataUninitialized(ShapeUtil.Numel(s));
        Array.Fill(d, value);
        return Tensors.Tensor.Owning(s, d, "Full");
    }

    /// <summary>A 0-dimensional tensor holding one value (PyTorch: <c>torch.tensor(3.0)</c>).</summary>
    public static Tensor Scalar(float value)
    {
        var d = Tensors.Tensor.NewDataUninitialized(1);
        d[0] = value;
        return Tensors.Tensor.Owning([], d, "Scalar");
    }

    /// <summary>A tensor with a copy of <paramref name="values"/>; the shape defaults to 1-d.</summary>
    public static Tensor Tensor(float[] values, params int[] shape)
    {
        var s = shape.Length == 0 ? [values.Length] : ShapeUtil.InferShape(shape, values.Length, "Tensor", [values.Length]);
        var d = Tensors.Tensor.NewDataUninitialized(values.Length);
        values.CopyTo(d, 0);
        return Tensors.Tensor.Owning(s, d, "Tensor");
    }

    /// <summary>A 2-d tensor from a rectangular array.</summary>
    public static Tensor Tensor(float[,] values)
    {
        int r = values.GetLength(0), c = values.GetLength(1);
        var d = Tensors.Tensor.NewDataUninitialized(r * c);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) d[i * c + j] = values[i, j];
        return Tensors.Tensor.Owning([r, c], d, "Tensor");
    }

    /// <summary>Wraps <paramref name="values"/> without copying; the caller gives up ownership.</summary>
    public static Tensor FromArray(float[] values, params int[] shape) =>
        new(ShapeUtil.InferShape(shape, values.Length, "FromArray", [values.Length]), values);

    /// <summary>0, step, 2·step, … below <paramref name="end"/> (PyTorch: <c>torch.arange</c>).</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0 || (end - start) / step < 0)
            throw new ArgumentException($"Arange: cannot go from {start} to {end} in steps of {step}.");
        int n = (int)Math.Ceiling((end - start) / step);
        var d = Tensors.Tensor.NewDataUninitialized(n);
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return Tensors.Tensor.Owning([n], d, "Arange");
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor Linspace(float start, float end, int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), "Linspace: steps must be at least 1.");
        var d = Tensors.Tensor.NewDataUninitialized(steps);
        for (int i = 0; i < steps; i++) d[i] = steps == 1 ? start : start + (end - start) * i / (steps - 1);
        return Tensors.Tensor.Owning([steps], d, "Linspace");
    }

    /// <summary>Uniform on [0, 1).</summary>
    public static Tensor Rand(int[] shape, Generator? generator = null) => Uniform(shape, 0f, 1f, generator);

    public static Tensor Rand(params int[] shape) => Rand(shape, null);

    /// <summary>Uniform on [low, high).</summary>
    public static Tensor Uniform(int[] shape, float low, float high, Generator? generator = null)
    {
        var g = generator ?? DefaultGenerator;
        var s = CheckShape(shape, "Uniform");
        var d = Tensors.Tensor.NewDataUninitialized(ShapeUtil.Numel(s));
        for (int i = 0; i < d.Length; i++) d[i] = low + (high - low) * g.NextFloat();
        return Tensors.Tensor.Owning(s, d, "Uniform");
    }

    /// <summary>Standard normal N(0, 1).</summary>
    public static Tensor Randn(int[] shape, Generator? generator = null)
    {
        var g = generator ?? DefaultGenerator;
        var s = CheckShape(shape, "Randn");
        var d = Tensors.Tensor.NewDataUninitialized(ShapeUtil.Numel(s));
        for (int i = 0; i < d.Length; i++) d[i] = g.NextNormal();
        return Tensors.Tensor.Owning(s, d, "Randn");
    }

    public static Tensor Randn(params int[] shape) => Randn(shape, null);

    /// <summary>Standard normal noise shaped like <paramref name="like"/> (PyTorch: <c>torch.randn_like</c>).</summary>
    public static Tensor RandnLike(Tensor like, Generator? generator = null) => Randn(like.shape, generator);

    public static Tensor ZerosLike(Tensor like) => new(like.shape, "ZerosLike"); // shapes are never mutated: shared

    public static Tensor OnesLike(Tensor like) => Full(like.shape, 1f);

    /// <summary>A random permutation of 0..n-1 (as int indices).</summary>
    public static int[] Randperm(int n, Generator? generator = null) => (generator ?? DefaultGenerator).Permutation(n);

    /// <summary>Concatenates along an existing dimension.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => Tensors.Tensor.Cat(tensors, dim);

    /// <summary>Stacks equal-shaped tensors along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => Tensors.Tensor.Stack(tensors, dim);

    public static Tensor Matmul(Tensor a, Tensor b) => a.Matmul(b);

    private static int[] CheckShape(int[] shape, string op)
    {
        foreach (var s in shape)
            if (s < 0) throw new ArgumentException($"{op}: negative size in shape {ShapeUtil.Format(shape)}.");
        return (int[])shape.Clone();
    }
}
