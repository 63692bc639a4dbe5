using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Running;

namespace NotebookKit.Cli;

/// <summary>
/// <c>notebookkit run notebooks/ --out out/ [-p Name Value]... [--fast] [--timeout seconds]</c>: runs each notebook
/// (a folder means its *.ipynb sorted by name) in its own child process (<c>run-one</c>), so memory does not grow
/// across notebooks and a stuck cell ends only its notebook; prints live progress and one summary line per
/// notebook; exit code 1 when any notebook failed.
/// </summary>
internal static class RunCommand
{
    public static int Run(Options o)
    {
        var inputs = o.Arguments();
        var outDir = Path.GetFullPath(o.String("out") ?? "out");
        bool fast = o.Flag("fast");
        bool html = !o.Flag("no-html");
        int timeout = o.Int("timeout", 1800);
        var parameters = o.Parameters();
        o.CheckAllUsed();
        var notebooks = Discover(inputs);

        Directory.CreateDirectory(outDir);
        File.Delete(Path.Combine(outDir, ResultsFile.FileName)); // results.json describes this run only
        var childArgs = new List<string> { "--out", outDir, "--timeout", timeout.ToString() };
        if (fast) childArgs.Add("--fast");
        if (!html) childArgs.Add("--no-html");
        foreach (var (name, value) in parameters) childArgs.AddRange(["-p", name, value]);

        var summaries = new List<string>();
        var index = new HtmlIndexPage(fast ? "NotebookKit run (fast mode)" : "NotebookKit run");
        int failed = 0;
        foreach (var (nb, i) in notebooks.Select((n, i) => (n, i)))
        {
            Console.WriteLine($"== [{i + 1}/{notebooks.Count}] {Path.GetFileName(nb)}");
            var clock = Stopwatch.StartNew();
            int exit = RunChild(["run-one", nb, .. childArgs]);
            var entry = ResultsFile.Read(outDir, Path.GetFileName(nb));
            bool passed = exit == 0 && entry?["status"]?.GetValue<string>() == "passed";
            if (!passed) failed++;
            string detail = passed ? "" : entry == null
                ? $"  (the notebook's process ended with exit code {exit} before recording a result)"
                : $"  cell {(entry["failed_cell"]?["index"]?.GetValue<int>() + 1)?.ToString() ?? "-"} of the executed notebook (id {entry["failed_cell"]?["id"]}): {entry["error"]}";
            summaries.Add($"{(passed ? "PASS" : "FAIL")}  {Path.GetFileName(nb),-32} {clock.Elapsed.TotalSeconds,7:F1} s{detail}");
            index.Add(IndexEntry(nb, entry, passed, clock.Elapsed, html));
        }
        if (html) index.Save(Path.Combine(outDir, "index.html"));
        Console.WriteLine($"== {notebooks.Count - failed}/{notebooks.Count} notebooks passed; executed notebooks and results.json in {outDir}");
        foreach (var s in summaries) Console.WriteLine(s);
        return failed == 0 ? 0 : 1;
    }

    private static HtmlIndexEntry IndexEntry(string nb, JsonObject? entry, bool passed, TimeSpan elapsed, bool html)
    {
        var figures = (entry?["results"] as JsonObject)?
            .Where(kv => kv.Value is JsonValue v && v.TryGetValue<double>(out _))
            .Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value!.GetValue<double>())).ToList();
        var name = Path.GetFileName(nb);
        return new HtmlIndexEntry(name, passed ? "passed" : "failed", elapsed, html ? HtmlExport.PageName(name) : null, figures);
    }

    private static List<string> Discover(IReadOnlyList<string> inputs)
    {
        if (inputs.Count == 0) throw new ArgumentException("give notebooks or folders to run (notebookkit run notebooks/ --out out).");
        var found = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                found.AddRange(Directory.GetFiles(input, "*.ipynb").Order(StringComparer.Ordinal));
            else if (File.Exists(input) && input.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                found.Add(input);
            else throw new FileNotFoundException($"'{input}' is neither a folder nor an .ipynb file.");
        }
        if (found.Count == 0) throw new FileNotFoundException($"no .ipynb files in {string.Join(", ", inputs)}.");
        return found.Select(Path.GetFullPath).ToList();
    }

    /// <summary>Runs this same CLI with <paramref name="args"/>, sharing the console (live progress), and waits for it.</summary>
    private static int RunChild(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath!;
        var psi = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new ProcessStartInfo(host) { ArgumentList = { typeof(RunCommand).Assembly.Location } }
            : new ProcessStartInfo(host);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.UseShellExecute = false;
        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {host}.");
        child.WaitForExit();
        return child.ExitCode;
    }
}
