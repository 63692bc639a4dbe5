using NotebookKit.Tensors;

namespace NotebookKit.Optim;

/// <summary>
/// Base of the optimizers (PyTorch: <c>torch.optim.Optimizer</c>): holds the parameters, zeroes their
/// gradients, and applies an update in <see cref="Step"/>. Per-parameter state is created on the first step.
/// </summary>
public abstract class Optimizer
{
    protected Optimizer(IEnumerable<Tensor> parameters, float lr)
    {
        parameterArray = parameters.ToArray();
        if (Params.Count == 0) throw new ArgumentException($"{GetType().Name}: got an empty parameter list; pass model.Parameters().");
        foreach (var p in Params)
            if (!p.RequiresGrad || !p.IsLeaf)
                throw new ArgumentException($"{GetType().Name}: every parameter must be a leaf tensor with RequiresGrad; got one of shape {p.ShapeString}.");
        if (!(lr >= 0)) throw new ArgumentOutOfRangeException(nameof(lr), $"{GetType().Name}: invalid learning rate {lr}.");
        Lr = lr;
    }

    private readonly Tensor[] parameterArray; // looped over directly: no enumerator is allocated per step

    /// <summary>The parameters being optimised, in order.</summary>
    public IReadOnlyList<Tensor> Params => parameterArray;

    /// <summary>Learning rate; may be changed between steps (schedules).</summary>
    public float Lr { get; set; }

    /// <summary>Number of steps taken.</summary>
    public int StepCount { get; private set; }

    /// <summary>Zeroes the gradients in place (their buffers are reused by the next backward).</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameterArray)
            if (p.grad != null) Array.Clear(p.grad);
    }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < parameterArray.Length; i++)
        {
            var p = parameterArray[i];
            if (p.grad == null) continue;
            Update(i, p.data, p.grad);
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<float> param, ReadOnlySpan<float> grad);
}
