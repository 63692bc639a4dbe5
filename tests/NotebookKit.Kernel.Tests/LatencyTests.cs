using System.Diagnostics;
using Xunit.Abstractions;

namespace NotebookKit.Kernel.Tests;

/// <summary>Warm-up cost: the first cell pays for loading Roslyn; later trivial cells must be quick.</summary>
[Collection(nameof(KernelCollection))]
public class LatencyTests(ITestOutputHelper log)
{
    [Fact]
    public async Task LaterTrivialCellsAreFast()
    {
        var k = new CSharpKernel();
        var clock = Stopwatch.StartNew();
        await k.ExecuteAsync("var i = 0;");
        var first = clock.Elapsed;
        var later = new List<double>();
        for (int n = 0; n < 10; n++)
        {
            clock.Restart();
            var r = await k.ExecuteAsync("i++;\ni");
            Assert.True(r.Succeeded);
            later.Add(clock.Elapsed.TotalMilliseconds);
        }
        later.Sort();
        log.WriteLine($"first cell {first.TotalMilliseconds:F0} ms (in a process where other kernels may have warmed Roslyn); " +
                      $"later cells median {later[5]:F1} ms, max {later[^1]:F1} ms");
        Assert.True(later[5] < 250, $"median later-cell latency {later[5]:F1} ms (aim < 100 ms; 250 allows a loaded machine)");
    }
}
