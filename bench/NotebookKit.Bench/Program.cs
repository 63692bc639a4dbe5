// NotebookKit benchmarks: `dotnet run -c Release --project bench/NotebookKit.Bench -- <name> [args]`.
// bench/run.sh runs them beside the PyTorch references in ../shared/anchors, in the same run.
using NotebookKit.Bench;

var benches = new Dictionary<string, Action<string[]>>(StringComparer.OrdinalIgnoreCase)
{
    ["sgemm"] = SgemmBench.Run,
    ["vae"] = VaeBench.Run,
    ["gan"] = GanBench.RunMlp,
    ["dcgan"] = GanBench.RunDcgan,
    ["conv"] = ConvBench.Run,
    ["smoke"] = SmokeBench.Run,
};

if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: NotebookKit.Bench <{string.Join("|", benches.Keys)}> [args]");
    return 2;
}
run(args[1..]);
return 0;
