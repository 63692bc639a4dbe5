namespace NotebookKit.Bench;

/// <summary>The benchmarks' one option form: <c>--name value</c> with a whole-number value.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
