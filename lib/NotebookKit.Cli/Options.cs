namespace NotebookKit.Cli;

/// <summary>Parses <c>--name value</c> pairs and flags; unknown options are an error naming them.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = [];

    public Options(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--"))
                throw new ArgumentException($"unexpected argument '{args[i]}' (options look like --epochs 3).");
            string key = args[i][2..];
            string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : null;
            values[key] = value;
        }
    }

    public int Int(string name, int fallback)
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var v)) return fallback;
        return int.TryParse(v, out var r) && r >= 0
            ? r
            : throw new ArgumentException($"--{name} needs a non-negative whole number, got '{v}'.");
    }

    public string? String(string name)
    {
        used.Add(name);
        return values.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>Fails on options no command asked for, so a typo is not silently ignored.</summary>
    public void CheckAllUsed()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
    }
}
