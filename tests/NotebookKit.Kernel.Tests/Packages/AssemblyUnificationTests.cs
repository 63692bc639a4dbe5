using static NotebookKit.Kernel.Tests.CSharpKernelTests;

namespace NotebookKit.Kernel.Tests.Packages;

/// <summary>
/// A package whose dependency asks for an older version than the restore brought: Plotly.NET 6.0.0's
/// Giraffe.ViewEngine 1.4.0 references FSharp.Core 5.0.0.0, the closure has 10.1.0.0. Before the kernel unified
/// versions across Roslyn's per-file load contexts, the first chart threw
/// <c>TypeInitializationException: … $Defaults</c> (inner: <c>Could not load file or assembly 'FSharp.Core, Version=5.0.0.0'</c>).
/// </summary>
[Collection(nameof(KernelCollection))]
public class AssemblyUnificationTests
{
    [Fact]
    public async Task PlotlyChartFromNuGetRendersItsHtmlThroughGiraffe()
    {
        using var cache = new TempDir();
        var k = new CSharpKernel(new KernelOptions
        {
            WorkingDirectory = TestNotebooks.RepoRoot, PackageCacheDirectory = cache.Path, DefaultTimeout = TimeSpan.FromMinutes(5),
        });
        await Ok(k, "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"");
        // GenericChart.toChartHTML goes through Giraffe.ViewEngine, the assembly that asked for FSharp.Core 5.0.0.0.
        var r = await Ok(k, "var c = Plotly.NET.CSharp.Chart.Line<double, double, string>(new[] { 1.0, 2 }, new[] { 3.0, 4 }, Name: \"loss\");\n" +
                            "Plotly.NET.GenericChart.toChartHTML(c)");
        var html = Assert.IsType<ExecuteResultOutput>(r.Outputs[^1]).Data["text/plain"]!;
        Assert.Contains("\"name\":\"loss\"", html);
        Assert.Contains("\"type\":\"scatter\"", html);
    }
}
