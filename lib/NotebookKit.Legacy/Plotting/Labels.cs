using NotebookKit.Tensors;

namespace NotebookKit.Plotting;

/// <summary>
/// Class labels that colour a scatter plot, one per point. <c>int[]</c> (e.g. <c>batch.Y</c>), <c>long[]</c>,
/// <c>string[]</c> and 1-d integer-valued <see cref="Tensor"/>s convert implicitly. Integer class <c>k</c> always
/// gets <see cref="Colors.ForClass(int)"/> <c>k</c>, so a digit has the same colour in every notebook.
/// </summary>
public readonly struct Labels
{
    private readonly int[]? ints;
    private readonly string[]? strings;

    private Labels(int[]? ints, string[]? strings) { this.ints = ints; this.strings = strings; }

    public int Count => ints?.Length ?? strings?.Length ?? 0;

    public bool IsNull => ints == null && strings == null;

    /// <summary>True for integer labels (class indices); false for string labels.</summary>
    public bool IsInteger => ints != null;

    internal int[]? Ints => ints;
    internal string[]? Strings => strings;

    public static implicit operator Labels(int[]? labels) => new((int[]?)labels?.Clone(), null);
    public static implicit operator Labels(string[]? labels) => new(null, (string[]?)labels?.Clone());

    public static implicit operator Labels(long[]? labels) =>
        new(labels == null ? null : Array.ConvertAll(labels, v => checked((int)v)), null);

    public static implicit operator Labels(Tensor? tensor)
    {
        if (tensor == null) return new(null, null);
        if (tensor.Shape.Count(d => d != 1) > 1)
            throw new ArgumentException($"Scatter labels need a 1-d tensor; got shape ({string.Join(", ", tensor.Shape)}).");
        var data = tensor.ToArray();
        var ints = new int[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != MathF.Round(data[i]))
                throw new ArgumentException($"Scatter labels must be class indices; the tensor holds {data[i]} at index {i}.");
            ints[i] = (int)data[i];
        }
        return new(ints, null);
    }
}
