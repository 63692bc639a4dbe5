namespace NotebookKit.Interactive;

/// <summary>
/// Finds the plotly.js bundle that exported pages embed (<see cref="HtmlPage"/>), so pages open offline.
/// The set-up fetches it from npm (<c>plotly.js-dist-min</c>) into the git-ignored <c>vendor/</c> folder.
/// </summary>
/// <remarks>
/// Order: the explicit path argument; else the environment variable <c>NOTEBOOKKIT_PLOTLY_JS</c>; else
/// <c>vendor/plotly/plotly.min.js</c> next to <c>NotebookKit.sln</c>, searching upward from the current
/// directory and then from the application's own folder (tests run from <c>bin/…</c>).
/// </remarks>
public static class PlotlyJs
{
    /// <summary>The environment variable that names the file directly.</summary>
    public const string EnvironmentVariable = "NOTEBOOKKIT_PLOTLY_JS";

    /// <summary>Where the set-up puts the file, relative to the repository root.</summary>
    public const string RelativePath = "vendor/plotly/plotly.min.js";

    /// <summary>The command that fetches the file, quoted in every "not found" error.</summary>
    public const string FetchCommand = VendorAsset.FetchCommand;

    /// <summary>The full path of plotly.min.js; throws <see cref="FileNotFoundException"/> naming the set-up command.</summary>
    public static string Locate(string? path = null) => VendorAsset.Plotly.Locate(path);

    /// <summary>The file's text (read once per path and modification time).</summary>
    public static string Read(string? path = null) => VendorAsset.Plotly.Read(path);

    internal static string Search(string? path, string? env, IEnumerable<string> starts) => VendorAsset.Plotly.Search(path, env, starts);
}
