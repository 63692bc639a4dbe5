namespace NotebookKit.Cli;

/// <summary>
/// Parses <c>--name value</c> pairs, flags (<c>--fast</c>, declared by the command), repeated <c>-p Name Value</c>
/// pairs and plain arguments; options and arguments no command asked for are an error naming them.
/// </summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = [];
    private readonly List<string> arguments = [];
    private readonly List<KeyValuePair<string, string>> parameters = [];
    private bool argumentsUsed, parametersUsed;

    public Options(string[] args, IReadOnlySet<string>? flags = null)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "-p")
            {
                if (i + 2 >= args.Length) throw new ArgumentException("-p needs a name and a value (-p Epochs 1).");
                parameters.Add(new(args[i + 1], args[i + 2]));
                i += 2;
                continue;
            }
            if (!args[i].StartsWith("--")) { arguments.Add(args[i]); continue; }
            string key = args[i][2..];
            bool isFlag = flags?.Contains(key) == true;
            string? value = !isFlag && i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : null;
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

    /// <summary>True when the flag was given (flags take no value).</summary>
    public bool Flag(string name)
    {
        used.Add(name);
        return values.ContainsKey(name);
    }

    /// <summary>The plain (non-option) arguments, in order.</summary>
    public IReadOnlyList<string> Arguments()
    {
        argumentsUsed = true;
        return arguments;
    }

    /// <summary>The <c>-p Name Value</c> pairs, in order (a later pair for the same name wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        parametersUsed = true;
        return parameters;
    }

    /// <summary>Fails on options no command asked for, so a typo is not silently ignored.</summary>
    public void CheckAllUsed()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).Select(k => "--" + k).ToList();
        if (!parametersUsed && parameters.Count > 0) unknown.Add("-p");
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown)}.");
        if (!argumentsUsed && arguments.Count > 0)
            throw new ArgumentException($"unexpected argument '{arguments[0]}' (options look like --epochs 3).");
    }
}
