using System.Diagnostics;
using NotebookKit.Tests.Data;

namespace NotebookKit.Tests;

/// <summary>
/// Keeps bench/ compiling and running: every benchmark once, tiny, without the PyTorch references. It asserts that
/// each ran and printed its table — never a time (the machines are shared and noisy).
/// </summary>
public class BenchSmokeTests
{
    [RequiresDataFact("fashion-mnist")]
    public void EveryBenchmarkRunsInSmokeMode()
    {
        // The bench is built with the tests (a ProjectReference without its assembly), in the same configuration.
        string config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string dll = Path.Combine(TestPaths.RepoRoot, "bench", "NotebookKit.Bench", "bin", config, "net10.0", "NotebookKit.Bench.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var psi = new ProcessStartInfo("dotnet", [dll, "smoke"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepoRoot,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "the smoke benchmark did not finish in 5 minutes");
        Assert.True(p.ExitCode == 0, output + stderr.Result);
        Assert.Matches(@"sgemm NN_512x512x512\s+\d", output);
        Assert.Contains("| MLP VAE (batch 128) | NotebookKit | PyTorch | ratio |", output);
        Assert.Contains("| MLP GAN (batch 64) |", output);
        Assert.Contains("| DCGAN (batch 64) |", output);
        Assert.Contains("GEMM W·cols", output);
        Assert.Contains("smoke: all benchmarks ran", output);
    }
}
