namespace NotebookKit.Interactive;

/// <summary>A shown output that can be replaced in place (Jupyter's <c>update_display_data</c>).</summary>
public sealed class DisplayHandle(string displayId)
{
    public string DisplayId { get; } = displayId;

    /// <summary>Replaces the output with the rendering of <paramref name="value"/>.</summary>
    public void Update(object? value) => Display.Publish(Formatting.ToMimeBundle(value), DisplayId, update: true);
}
