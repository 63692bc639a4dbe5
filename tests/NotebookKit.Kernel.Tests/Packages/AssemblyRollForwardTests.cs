using static NotebookKit.Kernel.Tests.CSharpKernelTests;

namespace NotebookKit.Kernel.Tests.Packages;

/// <summary>
/// A restored package that references an older version of a strong-named dependency binds to the newer copy the restore
/// brought: Plotly.NET 6 asks for FSharp.Core 5.0.0.0 in its type initializers, the closure has FSharp.Core 10.1, and
/// before <c>AssemblyRollForward</c> the first chart of a notebook threw "Could not load file or assembly 'FSharp.Core,
/// Version=5.0.0.0'" in the CLI runner (whose bin has no FSharp.Core).
/// </summary>
[Collection(nameof(KernelCollection))]
public class AssemblyRollForwardTests
{
    [Fact]
    public async Task PlotlyChartBuildsWithTheRestoredFSharpCore()
    {
        using var cache = new TempDir();
        var k = new CSharpKernel(new KernelOptions
        {
            WorkingDirectory = TestNotebooks.RepoRoot, PackageCacheDirectory = cache.Path, DefaultTimeout = TimeSpan.FromMinutes(5),
        });
        await Ok(k, "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"");
        var r = await Ok(k, """
            var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(new[] { 1.0, 2 }, new[] { 3.0, 4 }, Name: "loss");
            var json = Plotly.NET.GenericChart.toFigureJson(chart);
            json.Contains("\"loss\"") + " " + typeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version
            """);
        Assert.StartsWith("True 10.", Assert.IsType<ExecuteResultOutput>(r.Outputs[^1]).Data["text/plain"]);
    }
}
