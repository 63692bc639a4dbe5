namespace NotebookKit.Bench;

/// <summary>
/// `smoke`: every loop on a tiny budget in one process, without the PyTorch anchors, then the table — what
/// tests/NotebookKit.Tests/BenchSmokeTests.cs runs to keep the benchmark compiling, running and parseable.
/// </summary>
internal static class SmokeBench
{
    public static void Run(string[] args)
    {
        var results = new List<BenchResult>();
        foreach (var loop in new[] { "library", "bare" })
        {
            results.Add(VaeBench.Run(["--loop", loop, "--epochs", "2", "--subset", "512"]));
            results.Add(GanBench.RunMlp(["--loop", loop, "--subset", "640", "--window", "2"]));
            results.Add(GanBench.RunDcgan(["--loop", loop, "--steps", "3", "--subset", "640", "--window", "1"]));
        }
        results.AddRange(SgemmBench.Run(["--sizes", "128"]));
        foreach (var r in results) Console.WriteLine(r);
        ResultTable.Print(results);
    }
}
