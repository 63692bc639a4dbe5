using System.Text;
using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Base of every layer and model (PyTorch: <c>nn.Module</c>). Parameters, buffers and sub-modules are
/// registered explicitly in the constructor (no reflection), so <see cref="Parameters"/> walks the tree in
/// registration order and names match PyTorch's state-dict keys (<c>encoder.0.weight</c>).
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Value)> parameters = [];
    private readonly List<(string Name, Tensor Value)> buffers = [];
    private readonly List<(string Name, Module Value)> children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The layer's computation. Modules that take something other than one tensor expose their own methods.</summary>
    public virtual Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} does not define Forward(Tensor); call its own methods.");

    /// <summary>Registers a learnable tensor (sets RequiresGrad) under <paramref name="name"/>. It lives as long as the
    /// module, so it is taken out of any dispose scope (a model built inside one keeps its weights).</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        CheckName(name);
        value.RequiresGrad = true;
        value.DetachFromDisposeScope();
        parameters.Add((name, value));
        return value;
    }

    /// <summary>Registers a non-learnable state tensor (e.g. batch norm's running mean) that is saved with the weights;
    /// like a parameter, it is taken out of any dispose scope.</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        CheckName(name);
        value.DetachFromDisposeScope();
        buffers.Add((name, value));
        return value;
    }

    /// <summary>Registers a sub-module; its parameters are named <c>name.param</c>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name);
        children.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{GetType().Name}: invalid member name '{name}' (non-empty, no dots).");
        if (parameters.Any(p => p.Name == name) || buffers.Any(b => b.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"{GetType().Name}: '{name}' is already registered.");
    }

    /// <summary>Replaces a registered parameter or buffer tensor in place of the old one (used by LoadStateDict).</summary>
    private protected void Replace(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        int i = parameters.FindIndex(p => p.Name == name);
        if (i >= 0) { parameters[i] = (name, value); return; }
        i = buffers.FindIndex(b => b.Name == name);
        if (i >= 0) buffers[i] = (name, value);
    }

    /// <summary>All learnable parameters of this module and its descendants.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(string prefix = "")
    {
        foreach (var (n, p) in parameters) yield return (prefix + n, p);
        foreach (var (n, c) in children)
            foreach (var x in c.NamedParameters(prefix + n + ".")) yield return x;
    }

    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(string prefix = "")
    {
        foreach (var (n, b) in buffers) yield return (prefix + n, b);
        foreach (var (n, c) in children)
            foreach (var x in c.NamedBuffers(prefix + n + ".")) yield return x;
    }

    /// <summary>Direct sub-modules.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => children;

    public IEnumerable<Module> Children() => children.Select(c => c.Value);

    /// <summary>This module and all descendants, depth first.</summary>
    public IEnumerable<Module> Modules()
    {
        yield return this;
        foreach (var (_, c) in children)
            foreach (var m in c.Modules()) yield return m;
    }

    /// <summary>Sets training mode on the whole tree; returns this for chaining.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var m in Modules()) m.Training = mode;
        return this;
    }

    /// <summary>Evaluation mode: dropout off, batch norm uses running statistics.</summary>
    public Module Eval() => Train(false);

    /// <summary>Zeroes every parameter's gradient (the buffers are kept and reused).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
            if (p.grad != null) Array.Clear(p.grad);
    }

    /// <summary>Number of scalar parameters (for model summaries).</summary>
    public long ParameterCount() => Parameters().Sum(p => (long)p.Numel);

    /// <summary>Parameters and buffers by their dotted names, as <c>state_dict()</c>. The tensors are the live ones.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var d = new Dictionary<string, Tensor>();
        foreach (var (n, p) in NamedParameters()) d[n] = p;
        foreach (var (n, b) in NamedBuffers()) d[n] = b;
        return d;
    }

    /// <summary>
    /// Copies values from <paramref name="state"/> into the parameters and buffers (shapes must match).
    /// With <paramref name="strict"/>, missing or unexpected keys are an error listing them.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = StateDict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count + unexpected.Count > 0)
                throw new ArgumentException($"LoadStateDict into {GetType().Name}: missing keys [{string.Join(", ", missing)}], " +
                    $"unexpected keys [{string.Join(", ", unexpected)}]. Check that the file was saved from the same architecture.");
        }
        foreach (var (k, t) in own)
        {
            if (!state.TryGetValue(k, out var src)) continue;
            if (!ShapeUtil.SameShape(src.shape, t.shape))
                throw new ShapeMismatchException($"LoadStateDict: '{k}' has shape {src.ShapeString} in the state but {t.ShapeString} in the model.");
            src.AsSpan().CopyTo(t.data);
        }
    }

    /// <summary>A one-line description of this layer's configuration, e.g. <c>in_features=784, out_features=400</c>.</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>The module tree as PyTorch prints it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(GetType().Name).Append('(').Append(ExtraRepr());
        if (children.Count > 0)
        {
            sb.AppendLine();
            foreach (var (n, c) in children)
                sb.Append("  (").Append(n).Append("): ").AppendLine(c.ToString().Replace("\n", "\n  "));
        }
        return sb.Append(')').ToString();
    }
}
