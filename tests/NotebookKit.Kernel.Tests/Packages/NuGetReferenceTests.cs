using System.Text.Json.Nodes;
using static NotebookKit.Kernel.Tests.CSharpKernelTests;

namespace NotebookKit.Kernel.Tests.Packages;

/// <summary>
/// <c>#r "nuget: …"</c> through <see cref="CSharpKernel"/>: restore through the SDK (the feed must be reachable),
/// the assets cache, and the errors. This test host has TorchSharp.dll in its own bin (see the csproj), so TorchSharp
/// here exercises the "host already has the managed package" case; the CLI test covers a host without it.
/// </summary>
[Collection(nameof(KernelCollection))]
public class NuGetReferenceTests
{
    private static CSharpKernel NewKernel(string cache) => new(new KernelOptions
    {
        WorkingDirectory = TestNotebooks.RepoRoot, PackageCacheDirectory = cache, DefaultTimeout = TimeSpan.FromMinutes(5),
    });

    private static async Task<CSharpKernel> KernelWithMarkdig(string cache)
    {
        var k = NewKernel(cache);
        await Ok(k, "#r \"nuget: Markdig, 1.6.0\"");
        return k;
    }

    private static string Value(CellResult r) => Assert.IsType<ExecuteResultOutput>(r.Outputs[^1]).Data["text/plain"]!;

    [Fact]
    public async Task TorchSharpCellComputesAndAWarmCacheDoesNoRestore()
    {
        using var cache = new TempDir();
        var cold = NewKernel(cache.Path);
        Assert.Equal("Installed TorchSharp-cpu 0.107.0\n", Text(await Ok(cold, "#r \"nuget: TorchSharp-cpu, 0.107.0\"")));
        Assert.Equal("6", Value(await Ok(cold, "using TorchSharp;\ntorch.ones(2, 3).sum().item<float>()")));
        Assert.Equal(1, cold.PackageRestores);

        var warm = NewKernel(cache.Path);
        Assert.Equal("Installed TorchSharp-cpu 0.107.0\n", Text(await Ok(warm, "#r \"nuget: TorchSharp-cpu, 0.107.0\"")));
        Assert.Equal("24", Value(await Ok(warm, "TorchSharp.torch.ones(2, 3, 4).sum().item<float>()")));
        Assert.Equal(0, warm.PackageRestores);
        Assert.Single(Directory.GetFiles(cache.Path, "*.json"));
    }

    [Fact]
    public async Task PlotlyNetChartsRenderThoughItsDependenciesAskForAnOlderFSharpCore()
    {
        // Plotly.NET 6 and Giraffe.ViewEngine 1.4.0 reference FSharp.Core 5.0.0.0; the closure restores 10.1.403. Without
        // AssemblyUnification the first chart failed (FSharp.Core 5.0.0.0 not found, then MissingMethodException get__id).
        using var cache = new TempDir();
        var k = NewKernel(cache.Path);
        await Ok(k, "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"");
        // GenericChart.toChartHTML goes through Giraffe.ViewEngine, the assembly that asked for FSharp.Core 5.0.0.0.
        var html = Value(await Ok(k, "var chart = Plotly.NET.CSharp.Chart.Line<int, double, string>(new[] { 1, 2 }, new[] { 3.0, 4.0 }, Name: \"loss\");\n" +
            "Plotly.NET.GenericChart.toChartHTML(chart)"));
        Assert.Contains("\"name\":\"loss\"", html);
        Assert.Contains("\"type\":\"scatter\"", html);
    }

    [Fact]
    public async Task ManagedPackagesInOneCellAreRestoredTogetherAndUsable()
    {
        using var cache = new TempDir();
        var k = NewKernel(cache.Path);
        var r = await Ok(k, "#r \"nuget: Newtonsoft.Json, 13.0.1\"\n#r \"nuget: Markdig, 1.6.0\"\n" +
                            "Newtonsoft.Json.JsonConvert.SerializeObject(new { a = 1 }) + Markdig.Markdown.ToHtml(\"*x*\").Trim()");
        Assert.Equal("Installed Newtonsoft.Json 13.0.1\nInstalled Markdig 1.6.0\n", Text(r));
        Assert.Equal("{\"a\":1}<p><em>x</em></p>", Value(r));
        Assert.Equal(1, k.PackageRestores);
    }

    [Fact]
    public async Task ALaterCellRestoresItsPackagesTogetherWithTheEarlierOnes()
    {
        using var cache = new TempDir();
        var k = await KernelWithMarkdig(cache.Path);
        var r = await Ok(k, "#r \"nuget: Newtonsoft.Json, 13.0.1\"\nNewtonsoft.Json.JsonConvert.SerializeObject(Markdig.Markdown.ToHtml(\"x\").Trim())");
        Assert.Equal("Installed Newtonsoft.Json 13.0.1\n", Text(r));
        Assert.Equal("\"<p>x</p>\"", Value(r));
        Assert.Equal(2, k.PackageRestores);
        var sets = Directory.GetFiles(cache.Path, "*.json")
            .Select(f => string.Join(",", JsonNode.Parse(File.ReadAllText(f))!.AsArray().Select(p => p!["Name"]!.GetValue<string>()).Order()))
            .Order();
        Assert.Equal(["Markdig", "Markdig,Newtonsoft.Json"], sets);
    }

    [Fact]
    public async Task APackageAlreadyReferencedIsNotAddedAgainAndAnotherVersionIsAnError()
    {
        using var cache = new TempDir();
        var k = await KernelWithMarkdig(cache.Path);
        var again = await Ok(k, "#r \"nuget: markdig, 1.6.0\"\nMarkdig.Markdown.ToHtml(\"# t\").Trim()");
        Assert.Equal("<h1>t</h1>", Value(again));
        Assert.Equal("", Text(again));
        var other = await k.ExecuteAsync("\n#r \"nuget: Markdig, 1.5.0\"");
        Assert.Equal("PackageRestoreError", other.Error!.EName);
        Assert.Contains("Cell [3], line 2", other.Error.EValue);
        Assert.Contains("Markdig 1.6.0 is already referenced", other.Error.EValue);
        Assert.Contains("1.5.0", other.Error.EValue);
        Assert.Equal(1, k.PackageRestores);
    }

    [Fact]
    public async Task ANotebooksMarkdigIsTheOneCopyThatRendersExportedPages()
    {
        // NotebookKit.Interactive renders exported pages with Markdig; a notebook that asks for another Markdig binds to
        // the host's copy, so one process holds one Markdig and both renderers work side by side.
        using var cache = new TempDir();
        var r = await Ok(NewKernel(cache.Path), "#r \"nuget: Markdig, 1.5.0\"\n" +
            "var page = NotebookKit.Interactive.Markdown.ToHtml(\"$x_1$\").Trim();\n" +
            "var own = Markdig.Markdown.ToHtml(\"*y*\").Trim();\n" +
            "var copies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == \"Markdig\").Select(a => a.GetName().Version).ToList();\n" +
            "$\"{page} {own} {copies.Count} {copies[0]}\"");
        Assert.Equal($"<p><span class=\"math\">\\(x_1\\)</span></p> <p><em>y</em></p> 1 {typeof(Markdig.Markdown).Assembly.GetName().Version}", Value(r));
    }

    [Fact]
    public async Task NoVersionInstallsTheNewestTheSourcesServe()
    {
        using var cache = new TempDir();
        var r = await Ok(NewKernel(cache.Path), "#r \"nuget: Markdig\"");
        var installed = System.Text.RegularExpressions.Regex.Match(Text(r), @"^Installed Markdig (\S+)\n$");
        Assert.True(installed.Success, Text(r));
        Assert.True(Version.Parse(installed.Groups[1].Value) >= new Version(1, 6, 0), installed.Value);
    }

    [Fact]
    public async Task UnknownPackageNamesItAndTheSourcesAndTheKernelRunsTheNextCell()
    {
        using var cache = new TempDir();
        var k = NewKernel(cache.Path);
        var r = await k.ExecuteAsync("#r \"nuget: NotebookKit.NoSuchPackage, 1.0.0\"");
        Assert.Equal("PackageRestoreError", r.Error!.EName);
        Assert.Contains("Cell [1], line 1", r.Error.EValue);
        Assert.Contains("NotebookKit.NoSuchPackage 1.0.0", r.Error.EValue);
        Assert.Contains(Path.Combine(TestNotebooks.RepoRoot, "nuget.config"), r.Error.EValue);
        Assert.Contains(r.Error.Traceback, l => l.Contains("NU1101") && l.Contains("NotebookKit.NoSuchPackage") && l.Contains("nuget.org"));
        Assert.Equal("2", Value(await Ok(k, "1 + 1")));
    }

    [Fact]
    public async Task UnknownVersionNamesTheVersionAsked()
    {
        using var cache = new TempDir();
        var r = await NewKernel(cache.Path).ExecuteAsync("#r \"nuget: Markdig, 99.0.0\"");
        Assert.Equal("PackageRestoreError", r.Error!.EName);
        Assert.Contains("Markdig 99.0.0", r.Error.EValue);
        Assert.Contains(r.Error.Traceback, l => l.Contains("NU1102") && l.Contains("99.0.0"));
        Assert.Contains(r.Error.Traceback, l => l.Contains("nuget.org") && l.Contains("Nearest version"));
    }

    [Fact]
    public async Task RestoreStopsAtTheCellsTimeLimitAndTheKernelRunsTheNextCell()
    {
        using var cache = new TempDir();
        var k = NewKernel(cache.Path);
        var r = await k.ExecuteAsync("#r \"nuget: Markdig, 1.6.0\"", timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal("PackageRestoreError", r.Error!.EName);
        Assert.Contains("restoring Markdig, 1.6.0 was stopped", r.Error.EValue);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.json"));
        Assert.Equal("<p>y</p>", Value(await Ok(k, "#r \"nuget: Markdig, 1.6.0\"\nMarkdig.Markdown.ToHtml(\"y\").Trim()")));
    }

    [Theory]
    [InlineData("#r \"nuget: , 1.0\"", "no package name")]
    [InlineData("#r \"nuget: Markdig,\"", "an empty version")]
    [InlineData("#r \"nuget: Markdig 1.6.0\"", "'Markdig 1.6.0' is not a package id")]
    [InlineData("#r nuget: Markdig", "is malformed")]
    public async Task MalformedDirectiveNamesTheLineAndTheSyntax(string line, string problem)
    {
        var r = await NewKernel(Path.GetTempPath()).ExecuteAsync($"var a = 1;\n{line}");
        Assert.Equal("UnsupportedDirective", r.Error!.EName);
        Assert.Contains("Cell [1], line 2", r.Error.EValue);
        Assert.Contains(problem, r.Error.EValue);
        Assert.Contains("#r \"nuget: PackageName, 1.2.3\"", r.Error.EValue);
    }

    [Fact]
    public async Task CacheEntryNamingAMissingFileIsRestoredAgain()
    {
        using var cache = new TempDir();
        await Ok(NewKernel(cache.Path), "#r \"nuget: Markdig, 1.6.0\"");
        var entry = Assert.Single(Directory.GetFiles(cache.Path, "*.json"));
        var json = JsonNode.Parse(File.ReadAllText(entry))!;
        json[0]!["Assemblies"]![0] = Path.Combine(cache.Path, "gone", "Markdig.dll");
        File.WriteAllText(entry, json.ToJsonString());
        var k = NewKernel(cache.Path);
        Assert.Equal("<p>x</p>", Value(await Ok(k, "#r \"nuget: Markdig, 1.6.0\"\nMarkdig.Markdown.ToHtml(\"x\").Trim()")));
        Assert.Equal(1, k.PackageRestores);
    }

    [Fact]
    public async Task TorchSharpLoadFailureSaysWhatToRun()
    {
        var r = await NewKernel(Path.GetTempPath()).ExecuteAsync(
            "throw new DllNotFoundException(\"libLibTorchSharp.so: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found\");");
        Assert.Equal("DllNotFoundException", r.Error!.EName);
        Assert.Contains("bash environment/setup-torchsharp.sh", r.Error.EValue);
        Assert.Contains(r.Error.Traceback, l => l.StartsWith("TorchSharp's native libraries did not load") && l.Contains("setup-torchsharp.sh"));
        var other = await NewKernel(Path.GetTempPath()).ExecuteAsync("throw new NotSupportedException(\"plain\");");
        Assert.Equal("plain", other.Error!.EValue);
    }
}
