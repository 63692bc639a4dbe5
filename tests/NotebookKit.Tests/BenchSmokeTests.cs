using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NotebookKit.Tests.Data;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests;

/// <summary>
/// Keeps bench/ compiling, running and parseable: `NotebookKit.Bench smoke` trains every loop (library and bare) on
/// a tiny budget and prints the table bench/run.sh prints. Asserts that the rows parse and hold finite, positive
/// numbers — never a speed (the machines are shared and noisy).
/// </summary>
public class BenchSmokeTests
{
    private static readonly Regex ModelRow = new(
        @"^\| (vae|gan|dcgan) \(samples/s\) \| (\S+) \| (\S+) \| – \| (\S+) \| – \| (\S+) / (\S+) / – \| (\S+) / (\S+) / – \|$",
        RegexOptions.Multiline);

    [RequiresDataFact("fashion-mnist")]
    public void SmokeRunPrintsAFiniteRowPerModel()
    {
        string output = RunSmoke();
        var rows = ModelRow.Matches(output).ToDictionary(m => m.Groups[1].Value);
        Assert.Equal(["dcgan", "gan", "vae"], rows.Keys.Order());
        foreach (var (model, row) in rows)
        {
            // library, bare, library/bare, then the peak RSS of each loop: all finite and positive.
            foreach (int g in new[] { 2, 3, 4, 7, 8 })
                Assert.True(Number(row.Groups[g].Value) > 0, $"{model}: column '{row.Groups[g].Value}' in\n{row.Value}");
        }
        // The VAE's test −ELBO after two short epochs: finite and below 784·ln 2 ≈ 543.4 nats (pixels as fair coins).
        foreach (int g in new[] { 5, 6 })
            Assert.InRange(Number(rows["vae"].Groups[g].Value), 1.0, 784 * Math.Log(2));
        Assert.Matches(@"\| sgemm n=128 \(GFLOPS\) \| \d", output);
        Assert.Equal(7, Regex.Matches(output, @"^result model=\S+ loop=(library|bare) rate=[\d.]+ ", RegexOptions.Multiline).Count);
    }

    private static double Number(string text)
    {
        Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x), $"'{text}' is not a number");
        Assert.True(double.IsFinite(x), $"'{text}' is not finite");
        return x;
    }

    // The bench is built with the tests (a ProjectReference without its assembly), in the same configuration. One
    // thread: the smoke budget is tiny, and on a loaded 2-core machine two OpenMP threads run it several times slower.
    private static string RunSmoke()
    {
        string config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "bench", "NotebookKit.Bench", "bin", config, "net10.0", "NotebookKit.Bench.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built; build tests/NotebookKit.Tests, which builds the bench.");
        var psi = new ProcessStartInfo("dotnet", [dll, "smoke", "--threads", "1"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(10)), "the smoke benchmark did not finish in 10 minutes");
        Assert.True(p.ExitCode == 0, output + stderr.Result);
        return output;
    }
}
