namespace NotebookKit.Bench;

/// <summary>
/// `smoke`: every benchmark in seconds, without the PyTorch references and without judging any time — the CI
/// test that keeps the benchmark compiling and running (tests/NotebookKit.Tests/BenchSmokeTests.cs).
/// </summary>
internal static class SmokeBench
{
    public static void Run(string[] args)
    {
        SgemmBench.Run(["2", "NN_512"]);
        VaeBench.Run(["--epochs", "1", "--subset", "512", "--no-reference"]);
        GanBench.RunMlp(["--steps", "5", "--no-reference"]);
        GanBench.RunDcgan(["--steps", "2", "--no-reference"]);
        ConvBench.Run([]);
        Console.WriteLine("smoke: all benchmarks ran");
    }
}
