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
    public const string FetchCommand = "bash environment/fetch-assets.sh";

    /// <summary>The full path of plotly.min.js; throws <see cref="FileNotFoundException"/> naming the set-up command.</summary>
    public static string Locate(string? path = null) =>
        Search(path, Environment.GetEnvironmentVariable(EnvironmentVariable), [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>The file's text (read once per path and modification time).</summary>
    public static string Read(string? path = null)
    {
        var full = Locate(path);
        var stamp = File.GetLastWriteTimeUtc(full);
        lock (CacheLock)
        {
            if (cached is { } c && c.Path == full && c.Stamp == stamp) return c.Text;
            var text = File.ReadAllText(full);
            cached = (full, stamp, text);
            return text;
        }
    }

    private static readonly object CacheLock = new();
    private static (string Path, DateTime Stamp, string Text)? cached;

    internal static string Search(string? path, string? env, IEnumerable<string> starts)
    {
        if (!string.IsNullOrWhiteSpace(path)) return Existing(Path.GetFullPath(path), "the path passed in");
        if (!string.IsNullOrWhiteSpace(env)) return Existing(Path.GetFullPath(env), $"{EnvironmentVariable}");
        var roots = new List<string>();
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) continue;
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
                roots.Add(dir.FullName);
                break;
            }
        var where = roots.Count > 0
            ? $"{RelativePath} is missing in {string.Join(" and ", roots.Distinct())}"
            : $"no NotebookKit.sln above {string.Join(" or ", starts)}";
        throw new FileNotFoundException(
            $"plotly.js not found ({where}), and {EnvironmentVariable} is not set. Run `{FetchCommand}` from the repository root " +
            $"(it fetches npm plotly.js-dist-min into {RelativePath}), or set {EnvironmentVariable} to a plotly.min.js.");
    }

    private static string Existing(string full, string source) => File.Exists(full)
        ? full
        : throw new FileNotFoundException(
            $"plotly.js not found at {full} (from {source}). Run `{FetchCommand}` from the repository root to fetch it into {RelativePath}.",
            full);
}
