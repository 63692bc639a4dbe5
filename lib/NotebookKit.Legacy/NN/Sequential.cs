using NotebookKit.Tensors;

namespace NotebookKit.NN;

/// <summary>
/// Applies its modules in order; they are named "0", "1", … as in PyTorch, so state-dict keys match.
/// <example><code>var net = new Sequential(new Linear(784, 400), new ReLU(), new Linear(400, 20));</code></example>
/// </summary>
public sealed class Sequential : Module
{
    private readonly List<Module> layers = [];

    public Sequential(params Module[] modules)
    {
        foreach (var m in modules) Append(m);
    }

    /// <summary>Adds a module at the end; returns this.</summary>
    public Sequential Append(Module module)
    {
        layers.Add(RegisterModule(layers.Count.ToString(), module));
        return this;
    }

    public int Count => layers.Count;

    public Module this[int index] => layers[index];

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var m in layers) x = m.Forward(x);
        return x;
    }
}
