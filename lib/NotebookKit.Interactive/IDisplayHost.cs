namespace NotebookKit.Interactive;

/// <summary>
/// Where displayed values go. The notebook runner and the Jupyter kernel install one for the duration of a
/// cell (it becomes <c>display_data</c> / <c>update_display_data</c> messages or .ipynb outputs); outside any
/// host, <see cref="Display"/> writes the plain-text form to the console.
/// </summary>
public interface IDisplayHost
{
    /// <summary>Shows a new output, or, with <paramref name="update"/>, replaces the output that has <paramref name="displayId"/>.</summary>
    void Publish(MimeBundle bundle, string? displayId, bool update);
}
