namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// Plotly.NET's own .NET Interactive extension (Plotly.NET.Interactive 6.0.0) registers a <c>text/html</c> formatter for
/// <c>GenericChart</c> that loads plotly.js from cdn.plot.ly. Loaded beside NotebookKit — after it, so its registration is
/// the newer one — a chart must still render with NotebookKit's formatters: its figure JSON and the offline HTML.
/// </summary>
[Collection(InProcessKernels.Name)]
public sealed class PlotlyNetInteractiveTests
{
    [Fact]
    public async Task NotebookKitsChartFormattersWinOverPlotlyNetInteractive()
    {
        NotebookKit.Testing.NotebookLibraries.EnsureRelease(NotebookKit.Testing.CourseNotebooks.RepoRoot);
        var dll = Path.Combine(NotebookKit.Testing.CourseNotebooks.RepoRoot, "lib/NotebookKit/bin/Release/net10.0/NotebookKit.dll");
        using var session = new InteractiveSession();
        var setup = await session.RunAsync($$"""
            #r "nuget: TorchSharp-cpu, 0.107.0"
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            #r "{{dll}}"
            NotebookKit.Display.ChartExtensions.WithTitle(Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 0.0 }, y: new[] { 0.0 }), "warm-up")
            """);
        Assert.True(setup.Failure == null, setup.ToString());
        var extension = await session.RunAsync("""#r "nuget: Plotly.NET.Interactive, 6.0.0" """);
        Assert.True(extension.Failure == null, extension.ToString());

        // Plotly.NET.Interactive's formatter is registered, for the base type, and is the CDN one.
        var theirs = await session.RunAsync("""
            var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 });
            Microsoft.DotNet.Interactive.Formatting.Formatter.GetPreferredFormatterFor(typeof(Plotly.NET.GenericChart), "text/html").Type.FullName + " " +
            Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString((Plotly.NET.GenericChart)chart, Microsoft.DotNet.Interactive.Formatting.Formatter.GetPreferredFormatterFor(typeof(Plotly.NET.GenericChart), "text/html")).Contains("cdn.plot.ly")
            """);
        Assert.True(theirs.Failure == null, theirs.ToString());
        Assert.Equal("Plotly.NET.GenericChart True", Assert.Single(theirs.Displays)["text/plain"]);

        var shown = Assert.Single((await session.RunAsync("chart")).Displays);
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Plotly.newPlot", shown["text/html"]);
        Assert.DoesNotContain("cdn.plot.ly", shown["text/html"]);
    }
}
