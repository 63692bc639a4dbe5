using System.Text;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Models;

/// <summary>
/// The layer table of a model — name, type, output shape, parameter shapes and count — what a chapter prints after
/// building a model (Keras' model.summary(), torchinfo in PyTorch). Output shapes need one forward pass, so they are
/// filled only when an input shape is given; parameter counts come from the state alone and equal PyTorch's.
/// <example><code>ModelSummary.Of(vae, inputShape: [1, 784])   // fc1 Linear (1, 400) 314,000 …</code></example>
/// </summary>
public sealed class ModelSummary
{
    public string ModelName { get; }
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>All trainable and frozen parameters, counted once each (Σ numel over named_parameters).</summary>
    public long TotalParameters { get; }

    private ModelSummary(string modelName, IReadOnlyList<LayerSummary> layers, long total)
    {
        ModelName = modelName; Layers = layers; TotalParameters = total;
    }

    /// <summary>Summarises <paramref name="model"/>'s leaf modules in registration order. With
    /// <paramref name="inputShape"/> (e.g. [1, 784]) one forward pass on zeros, under no_grad, records each layer's
    /// output shape; the model must then be a Module&lt;Tensor, Tensor&gt; (a VAE draws one ε for it).</summary>
    public static ModelSummary Of(Module model, long[]? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var leaves = model.named_modules().Where(m => !m.module.children().Any() && m.name != "").ToList();
        var outputs = inputShape is null ? new Dictionary<string, long[]>() : OutputShapes(model, leaves, inputShape);
        var layers = leaves.Select(m =>
        {
            var shapes = m.module.parameters(recurse: false).Select(p => p.shape).ToList();
            return new LayerSummary(m.name, m.module.GetType().Name, outputs.GetValueOrDefault(m.name), shapes,
                shapes.Sum(s => s.Aggregate(1L, (a, b) => a * b)));
        }).ToList();
        long total = model.parameters().Sum(p => p.numel());
        return new ModelSummary(model.GetType().Name, layers, total);
    }

    // Forward hooks on the leaves record their outputs' shapes during one pass on zeros.
    private static Dictionary<string, long[]> OutputShapes(Module model, List<(string name, Module module)> leaves, long[] inputShape)
    {
        if (model is not Module<Tensor, Tensor> net)
            throw new ArgumentException($"ModelSummary.Of: output shapes need a Module<Tensor, Tensor>; {model.GetType().Name} takes other inputs. Call ModelSummary.Of(model) without inputShape.", nameof(inputShape));
        var shapes = new Dictionary<string, long[]>();
        var hooks = new List<IDisposable>();
        foreach (var (name, module) in leaves)
            if (module is Module<Tensor, Tensor> layer)
                hooks.Add(new HookHandle(layer.register_forward_hook((_, _, output) => { shapes[name] = output.shape; return output; })));
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            net.call(zeros(inputShape, device: device));
        }
        finally
        {
            foreach (var h in hooks) h.Dispose();
        }
        return shapes;
    }

    private sealed class HookHandle(HookableModule<Func<Module<Tensor, Tensor>, Tensor, Tensor>, Func<Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover remover) : IDisposable
    {
        public void Dispose() => remover.remove();
    }

    /// <summary>The table as aligned text, one layer per line, the total last.</summary>
    public override string ToString()
    {
        static string Shape(long[] s) => $"({string.Join(", ", s)})";
        var rows = new List<string[]> { new[] { "layer", "type", "output", "parameters", "shapes" } };
        rows.AddRange(Layers.Select(l => new[]
        {
            l.Name, l.Type, l.OutputShape is null ? "" : Shape(l.OutputShape), l.Parameters.ToString("N0"),
            string.Join(" ", l.ParameterShapes.Select(Shape)),
        }));
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder($"{ModelName}: {TotalParameters:N0} parameters\n");
        foreach (var r in rows)
            text.AppendLine(string.Join("  ", r.Select((cell, c) => c == 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString().TrimEnd();
    }
}
