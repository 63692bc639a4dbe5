using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Packages;

namespace NotebookKit.Kernel;

/// <summary>
/// Runs C# cells one after another on Roslyn scripting, each continuing the state of the last successful one
/// (variables, types, methods, <c>using</c>s), and returns each cell's outputs in order. No transport: the headless
/// runner uses it directly, a Jupyter kernel will map its outputs to iopub messages.
/// </summary>
/// <remarks>
/// Every submission loads an assembly that can never be unloaded, so run one notebook per process. A cell runs on
/// its own thread so a timeout can be reported even when the cell never returns; it is asked to stop through
/// <see cref="KernelInterrupt"/>, and if it does not, the kernel is stuck and refuses further cells.
/// </remarks>
/// <example><code>
/// var kernel = new CSharpKernel(new KernelOptions { WorkingDirectory = "notebooks" });
/// await kernel.ExecuteAsync("var x = 40;");
/// var r = await kernel.ExecuteAsync("x + 2");   // r.Outputs: ExecuteResultOutput("42")
/// </code></example>
public sealed partial class CSharpKernel
{
    private readonly KernelOptions options;
    private readonly NuGetReferences packages;
    private readonly KernelGlobals globals = new();
    private readonly ScriptOptions scriptOptions;
    private readonly List<MetadataReference> pendingReferences = []; // package assemblies no successful submission carried yet
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private ScriptState<object>? state;
    private string? stuck;

    public CSharpKernel(KernelOptions? options = null)
    {
        this.options = options ?? new KernelOptions();
        scriptOptions = ScriptOptions.Default
            .WithReferences(DefaultReferences())
            .WithImports(this.options.Imports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true) // stack frames carry cell line numbers
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(true);
        packages = new NuGetReferences(this.options.PackageCacheDirectory, Path.GetFullPath(this.options.WorkingDirectory));
    }

    /// <summary>True once a cell ignored an interrupt and still runs: no more cells can run in this process.</summary>
    public bool IsStuck => stuck != null;

    /// <summary>Cells submitted so far (the last cell's <c>In [n]</c>).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>How many times this kernel ran <c>dotnet restore</c> for <c>#r "nuget: …"</c> lines (none when the package cache is warm).</summary>
    public int PackageRestores => packages.Restores;

    /// <summary>Runs one cell. Errors (compile, runtime, timeout, directives) come back as an <see cref="ErrorOutput"/>, never as exceptions.</summary>
    /// <param name="code">The cell's source.</param>
    /// <param name="ct">Cancels the cell (cooperatively, see <see cref="KernelInterrupt"/>).</param>
    /// <param name="onOutput">Called with each output as it happens (complete console lines, displays).</param>
    /// <param name="timeout">This cell's limit; default <see cref="KernelOptions.DefaultTimeout"/>.</param>
    public async Task<CellResult> ExecuteAsync(string code, CancellationToken ct = default, Action<CellOutput>? onOutput = null, TimeSpan? timeout = null)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            int n = ++ExecutionCount;
            var started = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            var collector = new OutputCollector(onOutput);
            var error = stuck != null
                ? new ErrorOutput("KernelStuckException", stuck, [$"KernelStuckException: {stuck}"])
                : await CompileAndRun(code, n, collector, timeout ?? options.DefaultTimeout, ct);
            if (error != null) collector.Add(error);
            return new CellResult(n, collector.Close(), error, started, clock.Elapsed);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<ErrorOutput?> CompileAndRun(string code, int n, OutputCollector collector, TimeSpan timeout, CancellationToken ct)
    {
        var (source, requested, directiveError) = CellDirectives.Rewrite(code, Path.GetFullPath(options.WorkingDirectory), n);
        if (directiveError != null) return directiveError;
        if (requested.Count > 0 && AddPackages(requested, collector, timeout, ct) is { } packageError) return packageError;
        // The cell's file name (for stack frames and errors) comes from a #line directive, not from per-cell
        // ScriptOptions. A submission inherits its predecessor's options and sees the references of the whole chain;
        // one that carries references of its own adds them to the chain again. Giving every submission the full
        // reference list made memory grow quadratically with the number of cells (4.3 GB after 1,000 small cells,
        // measured twice: once with per-cell options, once with the kernel's options passed to every ContinueWith),
        // so a submission carries only the package assemblies no earlier one did.
        var cellSource = $"#line 1 \"{CellErrors.CellFile(n)}\"\n" + source;
        var script = state == null
            ? CSharpScript.Create<object>(cellSource, scriptOptions.AddReferences(pendingReferences), typeof(KernelGlobals))
            : pendingReferences.Count == 0
                ? state.Script.ContinueWith<object>(cellSource)
                : state.Script.ContinueWith<object>(cellSource, state.Script.Options.AddReferences(pendingReferences));
        List<Diagnostic> errors;
        try { errors = script.Compile(ct).Where(d => d.Severity == DiagnosticSeverity.Error).ToList(); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return CellErrors.Cancelled(n, stuck: false); }
        if (errors.Count > 0) return CellErrors.Compile(n, errors);

        // The console is process-wide: redirect it for the cell here and restore it here, even when the cell is
        // abandoned (a stuck cell's thread must not restore a stale console later).
        var (stdout, stderr, stdin) = (Console.Out, Console.Error, Console.In);
        Console.SetOut(collector.Out);
        Console.SetError(collector.Error);
        Console.SetIn(new NoStdinReader());
        try
        {
            var error = await WaitForCell(script, n, collector, timeout, ct);
            if (error == null && ModuleInitializers.Snippet(source) is { } init) await RunModuleInitializers(init);
            return error;
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Console.SetIn(stdin);
        }
    }

    /// <summary>
    /// Restores the cell's <c>#r "nuget: …"</c> packages and adds their assemblies to the references the next submission
    /// carries (see the note on memory above).
    /// A restore counts against the cell's time limit and stops on an interrupt.
    /// </summary>
    private ErrorOutput? AddPackages(IReadOnlyList<PackageDirective> requested, OutputCollector collector, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        try
        {
            var (assemblies, messages) = packages.Add(requested, limit.Token);
            pendingReferences.AddRange(assemblies.Select(p => MetadataReference.CreateFromFile(p)));
            foreach (var line in messages) collector.Out.WriteLine(line);
            return null;
        }
        catch (PackageRestoreException e)
        {
            return CellErrors.Package(e);
        }
    }

    private async Task<ErrorOutput?> WaitForCell(Script<object> script, int n, OutputCollector collector, TimeSpan timeout, CancellationToken ct)
    {
        var run = RunOnOwnThread(script, collector);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        var first = await Task.WhenAny(run, Task.Delay(Timeout.Infinite, limit.Token));
        if (first != run)
        {
            bool timedOut = !ct.IsCancellationRequested;
            KernelInterrupt.Request(timedOut ? $"time limit of {timeout.TotalSeconds:0.###} s exceeded" : "cancelled");
            await Task.WhenAny(run, Task.Delay(options.InterruptGrace, CancellationToken.None));
            bool isStuck = !run.IsCompleted;
            if (isStuck) stuck = $"Cell [{n}] is still running after an interrupt; the kernel cannot run more cells.";
            return timedOut ? CellErrors.Timeout(n, timeout, isStuck) : CellErrors.Cancelled(n, isStuck);
        }
        var (result, failure) = await run;
        if (failure != null) return CellErrors.Runtime(failure);
        state = result;
        pendingReferences.Clear(); // this submission carried them
        return ShowTrailingValue(script, result!, n, collector);
    }

    /// <summary>
    /// After a cell with <c>#r "lib.dll"</c>: one more submission that runs the referenced libraries' module initializers
    /// (see <see cref="ModuleInitializers"/>). A failure there is not the cell's: the library then initializes on first use.
    /// </summary>
    private async Task RunModuleInitializers(string init)
    {
        try { state = await state!.ContinueWithAsync<object>(init); }
        catch (Exception e) when (e is CompilationErrorException or TypeLoadException or FileNotFoundException) { }
    }

    /// <summary>A trailing expression (no semicolon) becomes execute_result, rendered like any display.</summary>
    private static ErrorOutput? ShowTrailingValue(Script script, ScriptState<object> result, int n, OutputCollector collector)
    {
        if (!EndsWithExpression(script) || result.ReturnValue == null) return null;
        try
        {
            collector.Add(new ExecuteResultOutput(Formatting.ToMimeBundle(result.ReturnValue), n));
            return null;
        }
        catch (Exception e)
        {
            return CellErrors.Runtime(e);
        }
    }

    private static bool EndsWithExpression(Script script) =>
        script.GetCompilation().SyntaxTrees.Last().GetRoot() is CompilationUnitSyntax unit
        && unit.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };

    /// <summary>Runs the cell on a dedicated thread whose display host is the cell's collector.</summary>
    private Task<(ScriptState<object>? State, Exception? Error)> RunOnOwnThread(Script<object> script, OutputCollector collector)
    {
        var done = new TaskCompletionSource<(ScriptState<object>?, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = state;
        KernelInterrupt.Reset();
        var thread = new Thread(() =>
        {
            try
            {
                using var host = Display.UseHost(collector);
                var task = previous == null
                    ? script.RunAsync(globals, _ => true)
                    : script.RunFromAsync(previous, _ => true);
                var s = task.GetAwaiter().GetResult();
                done.TrySetResult((s, s.Exception));
            }
            catch (Exception e)
            {
                done.TrySetResult((null, e));
            }
        })
        { IsBackground = true, Name = $"NotebookKit cell {ExecutionCount}" };
        thread.Start();
        return done.Task;
    }

    /// <summary>The framework's System.* assemblies plus NotebookKit, as .NET Interactive references the whole framework.</summary>
    private static IEnumerable<MetadataReference> DefaultReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = tpa.Where(p => Path.GetDirectoryName(p) == framework && IsFrameworkName(Path.GetFileName(p)))
            .Append(typeof(Display).Assembly.Location)
            .Append(typeof(KernelGlobals).Assembly.Location)
            .Distinct();
        return paths.Select(p => MetadataReference.CreateFromFile(p));
    }

    private static bool IsFrameworkName(string file) =>
        file.StartsWith("System.", StringComparison.Ordinal) || file is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll";
}
