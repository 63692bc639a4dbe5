using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tensors;


// Reverse-mode autodiff, micrograd-style: every op builds its output with MakeResult and attaches
// a backward closure that reads the output's gradient and adds (+=) into its inputs' gradients.
// Backward() orders the graph topologically and sweeps it once in reverse.
public sealed partial class Tensor
{
    private bool requiresGrad;
    private Tensor[]? parents;
    private Action? backward;
    private bool recorded;        // produced by an op in the graph; its name is `origin`
    private bool graphFreed;
    private bool retainGrad;
    internal float[]? grad;       // gradient buffer, same length as data
    private bool gradPooled;      // non-leaf gradient rented from BufferPool, returned after use

    /// <summary>Whether operations on this tensor are recorded for <see cref="Backward"/>.
    /// Only leaves (tensors not produced by a recorded op) can change it.</summary>
    public bool RequiresGrad
    {
        get => requiresGrad;
        set
        {
            if (!IsLeaf)
                throw new InvalidOperationException(
                    $"RequiresGrad can only be changed on leaf tensors; this one comes from {gradFn}. Use Detach() to get a leaf.");
            requiresGrad = value;
        }
    }

    /// <summary>True for tensors created directly (data, parameters) rather than by a recorded op.</summary>
    public bool IsLeaf => !recorded;

    /// <summary>Name of the op that produced this tensor, e.g. <c>"Matmul"</c>; null for leaves.</summary>
    public string? GradFn => gradFn;

    private string? gradFn => recorded ? origin : null;

    /// <summary>The gradient accumulated by <see cref="Backward"/>, shaped like this tensor; null before the first backward.
    /// Kept for leaves only (as in PyTorch); call <see cref="RetainGrad"/> to keep it on an intermediate.</summary>
    public Tensor? Grad
    {
        get
        {
            ThrowIfDisposed();
            return grad == null ? null : new Tensor(shape, grad);
        }
        set
        {
            if (value == null) { grad = null; return; }
            if (!ShapeUtil.SameShape(value.shape, shape))
                throw new ShapeMismatchException($"Grad: assigned gradient has shape {value.ShapeString}, the tensor {ShapeString}.");
            // Storage that goes back to a pool when its scope ends cannot become a gradient that outlives it: copy it.
            grad = value.HasPooledStorage ? (float[])value.data.Clone() : value.data;
        }
    }

    /// <summary>Keep this intermediate tensor's gradient after <see cref="Backward"/> (PyTorch: <c>retain_grad()</c>).</summary>
    public Tensor RetainGrad() { retainGrad = true; return this; }

    /// <summary>Sets this leaf's RequiresGrad and returns it, for chaining (PyTorch: <c>requires_grad_()</c>).</summary>
    public Tensor RequiresGrad_(bool value = true) { RequiresGrad = value; return this; }

    /// <summary>A tensor sharing this one's storage but cut from the graph: no gradient flows through it.
    /// The GAN discriminator step uses <c>netG.Forward(z).Detach()</c> so that D's loss does not reach G.</summary>
    public Tensor Detach()
    {
        var d = new Tensor(shape, data) { origin = "Detach" };
        d.ShareStorageOf(this);
        return d;
    }

    /// <summary>Creates an op's output and, when grad mode is on and an input requires grad, links it into the graph.
    /// <paramref name="data"/> is either new (the result owns it) or an input's storage (the result is a view of it).</summary>
    internal static Tensor MakeResult(int[] shape, float[] data, string op, params Tensor[] inputs)
    {
        var o = new Tensor(shape, data) { origin = op };
        Tensor? shared = null;
        foreach (var t in inputs)
            if (ReferenceEquals(t.storage, data)) { shared = t; break; }
        if (shared != null) o.ShareStorageOf(shared);
        else o.pooled = o.scope != null;
        if (!NoGradScope.IsActive)
        {
            foreach (var t in inputs)
                if (t.requiresGrad) { o.requiresGrad = true; break; }
        }
        if (o.requiresGrad) { o.parents = inputs; o.recorded = true; }
        return o;
    }

    /// <summary>Attaches the backward closure; skipped when the output is not part of a graph.</summary>
    internal Tensor WithBackward(Action backwardFn)
    {
        if (requiresGrad) backward = backwardFn;
        return this;
    }

    /// <summary>The gradient buffer to add into (zero-initialised on first use). Callers check RequiresGrad first.</summary>
    internal float[] GradBuffer()
    {
        if (grad == null)
        {
            if (IsLeaf) grad = new float[Numel];
            else { grad = BufferPool.RentZeroed(Numel); gradPooled = true; }
        }
        return grad;
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to every leaf that requires grad, adding into their
    /// <see cref="Grad"/>. Without <paramref name="gradient"/> the tensor must hold one element (a loss).
    /// The graph is freed afterwards unless <paramref name="retainGraph"/> is true.
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
    {
        ThrowIfDisposed();
        if (!requiresGrad)
            throw new InvalidOperationException(
                "Backward(): this tensor does not require grad and has no grad_fn. Did you compute it under Torch.NoGrad(), " +
                "or forget RequiresGrad = true on the parameters?");
        if (gradient == null && Numel != 1)
            throw new InvalidOperationException(
                $"Backward(): a gradient can be created implicitly only for one-element outputs; this one has shape {ShapeString}. " +
                "Reduce it first (e.g. .Sum() or .Mean()) or pass a gradient of the same shape.");
        if (gradient != null && !ShapeUtil.SameShape(gradient.shape, shape))
            throw new ShapeMismatchException($"Backward(): gradient has shape {gradient.ShapeString} but the output has {ShapeString}.");

        var order = TopologicalOrder();
        try
        {
            var seed = GradBuffer();
            if (gradient == null) seed[0] += 1f;
            else for (int i = 0; i < seed.Length; i++) seed[i] += gradient.data[i];
            NoGradScope.Enter(); // no graph for the gradient arithmetic (a NoGradScope without the allocation)
            try { Sweep(order, retainGraph); }
            finally { NoGradScope.Exit(); }
        }
        finally
        {
            order.Clear();
            orderScratch = order;
        }
    }

    private static void Sweep(List<Tensor> order, bool retainGraph)
    {
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.graphFreed)
                throw new InvalidOperationException(
                    $"Backward(): trying to backward through the graph a second time (at {node.gradFn}). " +
                    "Pass retainGraph: true to the first Backward() call if you need to backward twice.");
            if (node.backward != null && node.grad != null) node.backward();
            if (node.IsLeaf) continue;
            if (!node.retainGrad) node.ReleaseGrad();
            if (!retainGraph) { node.backward = null; node.parents = null; node.graphFreed = true; }
        }
    }

    private void ReleaseGrad()
    {
        if (grad != null && gradPooled) BufferPool.Return(grad);
        grad = null;
        gradPooled = false;
    }

    // The traversal's containers are kept per thread and reused, and "visited" is a mark on the node (a number new
    // for each traversal), so a backward pass allocates nothing for its bookkeeping once they have grown.
    [ThreadStatic] private static List<Tensor>? orderScratch;
    [ThreadStatic] private static Stack<(Tensor Node, int Next)>? stackScratch;
    private static int traversals;
    private int visitMark;

    /// <summary>Graph nodes that require grad, inputs before outputs. The list is the thread's scratch list: hand it back
    /// (cleared) to <c>orderScratch</c> when done.</summary>
    private List<Tensor> TopologicalOrder()
    {
        var order = orderScratch ?? new List<Tensor>();
        orderScratch = null; // taken: a Backward inside a backward closure would get its own list
        var stack = stackScratch ??= new Stack<(Tensor Node, int Next)>();
        stack.Clear();
        int mark = Interlocked.Increment(ref traversals);
        stack.Push((this, 0));
        visitMark = mark;
        try
        {
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var ps = node.parents;
                if (ps != null && next < ps.Length)
                {
                    stack.Push((node, next + 1));
                    var p = ps[next];
                    p.ThrowIfDisposed(); // its values (read by the backward) are gone
                    if (p.requiresGrad && p.visitMark != mark) { p.visitMark = mark; stack.Push((p, 0)); }
                }
                else order.Add(node);
            }
        }
        catch
        {
            stack.Clear();
            order.Clear();
            orderScratch = order;
            throw;
        }
        return order;
    }
}
