// NotebookKit benchmarks: `dotnet bench/NotebookKit.Bench/bin/Release/net10.0/NotebookKit.Bench.dll <name> [args]`.
// bench/run.sh runs each loop in its own process beside the PyTorch anchors in ../shared/anchors, then `table`.
using NotebookKit.Bench;

var benches = new Dictionary<string, Action<string[]>>(StringComparer.OrdinalIgnoreCase)
{
    ["vae"] = a => Console.WriteLine(VaeBench.Run(a)),
    ["gan"] = a => Console.WriteLine(GanBench.RunMlp(a)),
    ["dcgan"] = a => Console.WriteLine(GanBench.RunDcgan(a)),
    ["sgemm"] = a => { foreach (var r in SgemmBench.Run(a)) Console.WriteLine(r); },
    ["png"] = PngBench.Run,
    ["png-first"] = PngBench.First,
    ["smoke"] = SmokeBench.Run,
    ["table"] = ResultTable.Run,
};

if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: NotebookKit.Bench <{string.Join("|", benches.Keys)}> [args]");
    return 2;
}
if (args[0] != "table") Threads.Configure(args[1..]);
run(args[1..]);
return 0;
