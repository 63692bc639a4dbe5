namespace NotebookKit.Interactive;

/// <summary>
/// A front-end script that exported pages embed so they open offline, fetched by the set-up from npm into the
/// git-ignored <c>vendor/</c> folder. Found, in order: an explicit path; else an environment variable; else
/// <see cref="RelativePath"/> next to <c>NotebookKit.sln</c>, searching upward from the current directory and then
/// from the application's own folder (tests run from <c>bin/…</c>).
/// </summary>
internal sealed class VendorAsset(string name, string relativePath, string environmentVariable, string package)
{
    public const string FetchCommand = "bash environment/fetch-assets.sh";

    public static readonly VendorAsset Plotly =
        new("plotly.js", "vendor/plotly/plotly.min.js", "NOTEBOOKKIT_PLOTLY_JS", "npm plotly.js-dist-min");

    public static readonly VendorAsset MathJax =
        new("MathJax", "vendor/mathjax/tex-svg.js", "NOTEBOOKKIT_MATHJAX_JS", "npm mathjax (es5/tex-svg.js)");

    public string RelativePath { get; } = relativePath;

    public string EnvironmentVariable { get; } = environmentVariable;

    private readonly object cacheLock = new();
    private (string Path, DateTime Stamp, string Text)? cached;

    public string Locate(string? path = null) =>
        Search(path, Environment.GetEnvironmentVariable(EnvironmentVariable), [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>The file's text (read once per path and modification time).</summary>
    public string Read(string? path = null)
    {
        var full = Locate(path);
        var stamp = File.GetLastWriteTimeUtc(full);
        lock (cacheLock)
        {
            if (cached is { } c && c.Path == full && c.Stamp == stamp) return c.Text;
            var text = File.ReadAllText(full);
            cached = (full, stamp, text);
            return text;
        }
    }

    public string Search(string? path, string? env, IEnumerable<string> starts)
    {
        if (!string.IsNullOrWhiteSpace(path)) return Existing(Path.GetFullPath(path), "the path passed in");
        if (!string.IsNullOrWhiteSpace(env)) return Existing(Path.GetFullPath(env), EnvironmentVariable);
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
            $"{name} not found ({where}), and {EnvironmentVariable} is not set. Run `{FetchCommand}` from the repository root " +
            $"(it fetches {package} into {RelativePath}), or set {EnvironmentVariable} to the file.");
    }

    private string Existing(string full, string source) => File.Exists(full)
        ? full
        : throw new FileNotFoundException(
            $"{name} not found at {full} (from {source}). Run `{FetchCommand}` from the repository root to fetch it into {RelativePath}.",
            full);
}
