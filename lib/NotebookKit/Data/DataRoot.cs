namespace NotebookKit.Data;

/// <summary>
/// Finds the folder that holds the datasets, so that notebooks and tests anywhere in the repository
/// load the same files without hard-coded paths.
/// </summary>
/// <remarks>
/// Order: the explicit <c>root</c> argument; else the environment variable <c>NOTEBOOKKIT_DATA</c>;
/// else the <c>data/</c> folder next to <c>NotebookKit.sln</c>, searching upward from the current
/// directory and then from the application's own folder (tests run from <c>bin/…</c>).
/// </remarks>
public static class DataRoot
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "NOTEBOOKKIT_DATA";

    /// <summary>The command that fetches the datasets, quoted in every "not found" error.</summary>
    public const string FetchCommand = "bash environment/fetch-data.sh";

    /// <summary>The data folder as a full path; it need not exist yet.</summary>
    public static string Resolve(string? root = null)
    {
        if (!string.IsNullOrWhiteSpace(root)) return Path.GetFullPath(root);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln")))
                    return Path.Combine(dir.FullName, "data");
        throw new DirectoryNotFoundException(
            $"Cannot find the data folder: no NotebookKit.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}, " +
            $"and {EnvironmentVariable} is not set. Pass root: \"path/to/data\", set {EnvironmentVariable}, " +
            $"or run from inside the repository after `{FetchCommand}`.");
    }

    /// <summary>
    /// <paramref name="folder"/>/<paramref name="name"/> or, failing that, the same with <c>.gz</c>
    /// (the raw file wins when both exist); null when neither does.
    /// </summary>
    internal static string? FindIdx(string folder, string name)
    {
        var raw = Path.Combine(folder, name);
        if (File.Exists(raw)) return raw;
        return File.Exists(raw + ".gz") ? raw + ".gz" : null;
    }
}
