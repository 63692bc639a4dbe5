using NotebookKit.Interactive;
using NotebookKit.Kernel.Running;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit run-one nb.ipynb --out out</c> (hidden; <c>run</c> spawns it): runs one notebook in this process,
/// writes <c>out/nb.ipynb</c>, merges its entry into <c>out/results.json</c>; exit code 0 passed, 1 failed.
/// One process per notebook because Roslyn's per-cell assemblies can never be unloaded.
/// </summary>
internal static class RunOneCommand
{
    public static int Run(Options o)
    {
        var (notebook, outDir, options, html) = Parse(o);
        Results.Clear();
        var output = Path.Combine(outDir, Path.GetFileName(notebook));
        // Progress goes to the real stdout: cells get their own console while they run.
        var reporters = new List<IRunReporter> { new ConsoleProgress(Console.Out, Path.GetFileNameWithoutExtension(notebook)) };
        if (html) reporters.Add(new HtmlExport(outDir));
        var result = NotebookRunner.RunFileAsync(notebook, output, new RunOptions
        {
            Parameters = options.Parameters, Fast = options.Fast, CellTimeout = options.CellTimeout,
            Reporter = new Reporters(reporters),
        }).GetAwaiter().GetResult();
        ResultsFile.Merge(outDir, ResultsFile.Entry(notebook, output, result, Results.All));
        Console.Out.Flush();
        int code = result.Passed ? 0 : 1;
        if (result.KernelStuck) Environment.Exit(code); // a cell ignored its timeout and still runs: end the process
        return code;
    }

    private static (string Notebook, string OutDir, RunOptions Options, bool Html) Parse(Options o)
    {
        var args = o.Arguments();
        var outDir = o.String("out") ?? "out";
        var fast = o.Flag("fast");
        var html = !o.Flag("no-html");
        int timeout = o.Int("timeout", 1800);
        var parameters = new Dictionary<string, string>();
        foreach (var (name, value) in o.Parameters()) parameters[name] = value;
        o.CheckAllUsed();
        if (args.Count != 1) throw new ArgumentException("run-one takes exactly one notebook.");
        if (!File.Exists(args[0])) throw new FileNotFoundException($"no notebook at {Path.GetFullPath(args[0])}.");
        return (args[0], outDir, new RunOptions
        {
            Parameters = parameters, Fast = fast,
            CellTimeout = timeout == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeout),
        }, html);
    }
}
