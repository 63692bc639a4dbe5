using System.Diagnostics;
using NotebookKit.Interactive;

namespace NotebookKit.Kernel.Tests;

// The kernel redirects the process-wide console, so kernel tests do not run in parallel with each other.
[Collection(nameof(KernelCollection))]
public class CSharpKernelTests
{
    private static CSharpKernel NewKernel(string? dir = null, TimeSpan? timeout = null) =>
        new(new KernelOptions { WorkingDirectory = dir ?? Path.GetTempPath(), DefaultTimeout = timeout ?? TimeSpan.FromMinutes(1) });

    /// <summary>Runs a cell that must succeed (the failure message shows its error).</summary>
    internal static async Task<CellResult> Ok(CSharpKernel k, string code)
    {
        var r = await k.ExecuteAsync(code);
        Assert.True(r.Succeeded, $"cell failed: {r.Error?.EValue}\n{string.Join("\n", r.Error?.Traceback ?? [])}");
        return r;
    }

    /// <summary>The cell's stdout text.</summary>
    internal static string Text(CellResult r) =>
        string.Concat(r.Outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));

    [Fact]
    public async Task CellsShareVariablesTypesMethodsAndUsings()
    {
        var k = NewKernel();
        await Ok(k, "using System.Text.RegularExpressions;\nvar x = 40;");
        await Ok(k, "record Point(int X, int Y);\nint Twice(int v) => 2 * v;");
        await Ok(k, "x += 1;");
        var r = await Ok(k, "Console.WriteLine(Twice(x) + new Point(1, 2).Y + Regex.Escape(\".\"));");
        Assert.Equal("84\\.\n", Text(r).Replace("\r", ""));
        Assert.Equal(4, k.ExecutionCount);
    }

    [Fact]
    public async Task TrailingExpressionIsExecuteResult()
    {
        var k = NewKernel();
        var r = await Ok(k, "var a = 6;\na * 7");
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs));
        Assert.Equal("42", result.Data["text/plain"]);
        Assert.Equal(1, result.ExecutionCount);
        Assert.Empty((await Ok(k, "var b = a * 7;")).Outputs);
        Assert.Empty((await Ok(k, "Console.Write(\"\")")).Outputs);
    }

    [Fact]
    public async Task StreamsDisplaysAndUpdatesComeInOrder()
    {
        var k = NewKernel();
        var live = new List<CellOutput>();
        var r = await k.ExecuteAsync("""
            Console.Write("a");
            Console.WriteLine("b");
            var h = display(1);
            Console.Error.WriteLine("warn");
            Console.WriteLine("c");
            h.Update(2);
            Display.Show("three");
            Console.Write("tail")
            """, onOutput: live.Add);
        Assert.True(r.Succeeded, r.Error?.EValue);
        var o = r.Outputs;
        Assert.Equal(7, o.Count);
        Assert.Equal(new StreamOutput("stdout", "ab\n"), o[0]);
        var shown = Assert.IsType<DisplayDataOutput>(o[1]);
        Assert.Equal("1", shown.Data["text/plain"]);
        Assert.Equal(new StreamOutput("stderr", "warn\n"), o[2]);
        Assert.Equal(new StreamOutput("stdout", "c\n"), o[3]);
        var update = Assert.IsType<UpdateDisplayDataOutput>(o[4]);
        Assert.Equal((shown.DisplayId, "2"), (update.DisplayId, update.Data["text/plain"]));
        Assert.Equal("three", Assert.IsType<DisplayDataOutput>(o[5]).Data["text/plain"]);
        Assert.Equal(new StreamOutput("stdout", "tail"), o[6]);
        Assert.Equal(7, live.Count);
        Assert.NotSame(Console.Out, null);
    }

    [Fact]
    public async Task ConsoleIsRestoredAfterEachCell()
    {
        var before = Console.Out;
        await Ok(NewKernel(), "Console.WriteLine(1);");
        Assert.Same(before, Console.Out);
    }

    [Fact]
    public async Task CompileErrorNamesCellLineAndColumn()
    {
        var k = NewKernel();
        await Ok(k, "int y = 1;");
        var r = await k.ExecuteAsync("int z = 2;\n    foo + z;");
        Assert.False(r.Succeeded);
        Assert.Equal("CompilationError", r.Error!.EName);
        Assert.Contains("Cell [2]", r.Error.EValue);
        Assert.Contains(r.Error.Traceback, l => l.StartsWith("(2,5): error CS0103: The name 'foo' does not exist in the current context"));
        Assert.Same(r.Error, r.Outputs[^1]);
        // the kernel survives and keeps the state from before the failed cell
        Assert.Equal("1", ((ExecuteResultOutput)(await Ok(k, "y")).Outputs[0]).Data["text/plain"]);
    }

    [Fact]
    public async Task RuntimeErrorReportsTypeMessageAndCellFrames()
    {
        var k = NewKernel();
        await Ok(k, "int n = 5;\nint Fail(int v)\n{\n    throw new InvalidOperationException($\"bad {v}\");\n}");
        var r = await k.ExecuteAsync("n = 6;\nvar m = 1;\nFail(n);");
        Assert.Equal("InvalidOperationException", r.Error!.EName);
        Assert.Equal("bad 6", r.Error.EValue);
        Assert.Equal("System.InvalidOperationException: bad 6", r.Error.Traceback[0]);
        Assert.Contains("   at Fail(Int32 v) in cell [1], line 4", r.Error.Traceback);
        Assert.Contains("   at cell [2], line 3", r.Error.Traceback);
        Assert.DoesNotContain(r.Error.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("System.Runtime"));
        // the next cell continues from the state before the failed one: m was never declared, but (as in Jupyter)
        // assignments the failed cell made to earlier variables stay
        Assert.Equal("CompilationError", (await k.ExecuteAsync("m")).Error!.EName);
        Assert.Equal("6", ((ExecuteResultOutput)(await Ok(k, "n")).Outputs[0]).Data["text/plain"]);
    }

    [Fact]
    public async Task TimeoutIsAnErrorAndCooperativeCellsStop()
    {
        var k = NewKernel(timeout: TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var r = await k.ExecuteAsync("while (true) { KernelInterrupt.ThrowIfInterrupted(); Thread.Sleep(10); }");
        Assert.Equal("TimeoutException", r.Error!.EName);
        Assert.Contains("0.3 s", r.Error.EValue);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        await Ok(k, "1 + 1");
    }

    [Fact]
    public async Task HardStuckCellMakesTheKernelRefuseMoreCells()
    {
        var k = new CSharpKernel(new KernelOptions
        {
            DefaultTimeout = TimeSpan.FromMilliseconds(200), InterruptGrace = TimeSpan.FromMilliseconds(100),
        });
        var r = await k.ExecuteAsync("var until = DateTime.UtcNow.AddSeconds(3); while (DateTime.UtcNow < until) { }");
        Assert.Equal("TimeoutException", r.Error!.EName);
        Assert.Contains("still running", r.Error.EValue);
        Assert.Equal("KernelStuckException", (await k.ExecuteAsync("1")).Error!.EName);
    }

    [Fact]
    public async Task CancellationStopsACooperativeCell()
    {
        var k = NewKernel();
        await Ok(k, "1"); // warm up, so the token fires while the cell runs, not while the first cell compiles
        using var cts = new CancellationTokenSource(300);
        var r = await k.ExecuteAsync("while (true) { KernelInterrupt.ThrowIfInterrupted(); Thread.Sleep(5); }", cts.Token);
        Assert.Equal("OperationCanceledException", r.Error!.EName);
    }

    [Fact]
    public async Task ReadLineFailsAtOnce()
    {
        var r = await NewKernel().ExecuteAsync("var s = Console.ReadLine();");
        Assert.Equal("InvalidOperationException", r.Error!.EName);
        Assert.Contains("no stdin", r.Error.EValue);
    }

    [Fact]
    public async Task AwaitWorksInCells()
    {
        var r = await Ok(NewKernel(), "await Task.Delay(10);\nawait Task.FromResult(3)");
        Assert.Equal("3", ((ExecuteResultOutput)r.Outputs[0]).Data["text/plain"]);
    }

    [Theory]
    [InlineData("#load \"other.csx\"", "#load")]
    [InlineData("#!time", "#!time")]
    [InlineData("#i \"nuget: https://example\"", "#i")]
    public async Task OtherDirectivesAreClearErrors(string line, string named)
    {
        var r = await NewKernel().ExecuteAsync($"var a = 1;\n{line}");
        Assert.Equal("UnsupportedDirective", r.Error!.EName);
        Assert.Contains($"Cell [1], line 2: '{named}", r.Error.EValue);
    }

    [Fact]
    public async Task PreprocessorDirectivesStillWork()
    {
        var r = await Ok(NewKernel(), "#nullable enable\n#region x\nstring? s = null;\n#endregion\ns ?? \"none\"");
        Assert.Equal("none", ((ExecuteResultOutput)r.Outputs[0]).Data["text/plain"]);
    }

    [Fact]
    public async Task ReferenceResolvesAgainstTheNotebookFolderNotTheCurrentDirectory()
    {
        using var dir = new TempDir();
        var dll = TinyLibrary.Build(Path.Combine(dir.Path, "lib"), "TinyLib", "namespace Tiny; public static class Answer { public static int Value => 42; }");
        var notebookDir = Directory.CreateDirectory(Path.Combine(dir.Path, "notebooks")).FullName;
        var k = NewKernel(notebookDir);
        var r = await Ok(k, $"#r \"{Path.GetRelativePath(notebookDir, dll)}\"\nTiny.Answer.Value");
        Assert.Equal("42", ((ExecuteResultOutput)r.Outputs[0]).Data["text/plain"]);
        var missing = await k.ExecuteAsync("#r \"../nowhere/None.dll\"");
        Assert.Equal("FileNotFoundException", missing.Error!.EName);
        Assert.Contains(Path.Combine(dir.Path, "nowhere", "None.dll"), missing.Error.EValue);
    }

    [Fact]
    public async Task ReferenceToNotebookKitSharesTheHostsDisplayAndResults()
    {
        // A library that references NotebookKit.Interactive (as lib/NotebookKit does), with its own copy of it alongside
        // (as lib/NotebookKit/bin has), binds to the host's loaded copy: what its code records and displays reaches the
        // host. Were the copy alongside loaded instead, Results and Display would be a second set of statics with no host
        // behind them, and the cell would show nothing and record nothing here.
        using var dir = new TempDir();
        var protocol = typeof(Results).Assembly.Location;
        var lib = Path.Combine(dir.Path, "lib");
        var dll = TinyLibrary.Build(lib, "ChapterLib", """
            using NotebookKit.Interactive;
            namespace ChapterLib;
            public static class Chapter
            {
                public static void Run()
                {
                    Results.Record("kernel.library", 6.0);
                    Display.Show("shown by the library");
                }
            }
            """, protocol);
        File.Copy(protocol, Path.Combine(lib, Path.GetFileName(protocol)));
        var k = NewKernel(dir.Path);
        Results.Clear();
        var r = await Ok(k, $"#r \"{Path.GetRelativePath(dir.Path, dll)}\"\nChapterLib.Chapter.Run();");
        var shown = Assert.IsType<DisplayDataOutput>(Assert.Single(r.Outputs));
        Assert.Equal("shown by the library", shown.Data["text/plain"]);
        Assert.Equal(6.0, Results.All.Single(p => p.Key == "kernel.library").Value);
        Results.Clear();
    }

    [Fact]
    public async Task ReferencingALibraryRunsItsModuleInitializer()
    {
        // A library registers its formatters in its module initializer; #r alone must run it, before any of its types
        // is used (a Plotly.NET chart shown first would otherwise render as plain text).
        using var dir = new TempDir();
        var protocol = typeof(Results).Assembly.Location;
        var dll = TinyLibrary.Build(Path.Combine(dir.Path, "lib"), "InitLib", """
            using System.Runtime.CompilerServices;
            using NotebookKit.Interactive;
            namespace InitLib;
            public static class Marker { public static int Value => 1; }
            internal static class Init
            {
                [ModuleInitializer]
                internal static void Run() => Results.Record("kernel.module_init", 1.0);
            }
            """, protocol);
        var k = NewKernel(dir.Path);
        Results.Clear();
        await Ok(k, $"#r \"{Path.GetRelativePath(dir.Path, dll)}\"");
        Assert.Equal(1.0, Results.All.Single(p => p.Key == "kernel.module_init").Value);
        var r = await Ok(k, "InitLib.Marker.Value");
        Assert.Equal("1", ((ExecuteResultOutput)r.Outputs[0]).Data["text/plain"]);
        Assert.Single(Results.All, p => p.Key == "kernel.module_init"); // ran once, the same copy the cells use
        Results.Clear();
    }
}

[CollectionDefinition(nameof(KernelCollection), DisableParallelization = true)]
public class KernelCollection;
