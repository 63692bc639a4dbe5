namespace NotebookKit.Interactive;

/// <summary>One notebook's row on an <see cref="HtmlIndexPage"/>.</summary>
/// <param name="Notebook">The notebook's name, e.g. <c>vae.ipynb</c>.</param>
/// <param name="Status">A short word: <c>passed</c>, <c>failed</c>, <c>skipped</c> (shown coloured), or any other.</param>
/// <param name="Duration">How long the run took.</param>
/// <param name="Link">The exported page, relative to the index (null: no link).</param>
/// <param name="KeyResults">The notebook's recorded figures (<see cref="Results.All"/>), in order; null: none.</param>
public sealed record HtmlIndexEntry(
    string Notebook,
    string Status,
    TimeSpan Duration,
    string? Link = null,
    IReadOnlyList<KeyValuePair<string, double>>? KeyResults = null);
