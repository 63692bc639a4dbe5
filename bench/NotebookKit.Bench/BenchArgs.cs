using System.Globalization;

namespace NotebookKit.Bench;

/// <summary>The benchmarks' option forms: <c>--name value</c> and bare flags <c>--name</c>.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public static string? String(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return null;
        if (i + 1 >= args.Length) throw new ArgumentException($"bench: option {name} needs a value, e.g. {name} 3.");
        return args[i + 1];
    }

    public static bool Flag(string[] args, string name) => args.Contains(name);
}
