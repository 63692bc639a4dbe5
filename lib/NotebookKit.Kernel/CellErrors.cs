using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NotebookKit.Kernel;

/// <summary>Turns compiler diagnostics and exceptions into error outputs that point at the cell's own lines.</summary>
internal static partial class CellErrors
{
    /// <summary>The file name cell <paramref name="n"/> is compiled under (a <c>#line</c> directive), which stack frames then carry.</summary>
    public static string CellFile(int n) => $"cell{n}.csx";

    /// <summary><c>Cell [3] (2,5): error CS0103: The name 'foo' does not exist in the current context</c>, one line per error.</summary>
    public static ErrorOutput Compile(int cell, IEnumerable<Diagnostic> errors)
    {
        var lines = errors.Select(d =>
        {
            var p = d.Location.GetMappedLineSpan().StartLinePosition; // through the cell's #line 1
            return $"({p.Line + 1},{p.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }).ToList();
        return new ErrorOutput("CompilationError", $"Cell [{cell}] does not compile: {lines[0]}",
            [$"Cell [{cell}] does not compile:", .. lines]);
    }

    /// <summary>Type, message and the frames in cells and NotebookKit (runtime and Roslyn frames dropped), inner exceptions too.</summary>
    public static ErrorOutput Runtime(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        var traceback = new List<string>();
        for (var x = e; x != null; x = x.InnerException)
        {
            traceback.Add((x == e ? "" : "---> ") + $"{x.GetType().FullName}: {x.Message}");
            traceback.AddRange(Frames(x.StackTrace));
        }
        var message = e.Message;
        if (NativeLoadHint(e) is { } hint)
        {
            traceback.Add(hint);
            message += " " + hint;
        }
        return new ErrorOutput(e.GetType().Name, message, traceback);
    }

    /// <summary>
    /// What to run when TorchSharp's natives failed to load: on a system whose libstdc++ predates GCC 13 (Debian 12)
    /// the restored shim asks for GLIBCXX_3.4.32, and setup-torchsharp.sh marks that one requirement weak. TorchSharp's
    /// own message (a NotSupportedException from LoadNativeBackend) drops the loader's reason, so it is added here.
    /// </summary>
    internal static string? NativeLoadHint(Exception e)
    {
        bool torchSharp = false, glibcxx = false;
        for (var x = e; x != null; x = x.InnerException)
        {
            glibcxx |= x.Message.Contains("GLIBCXX_", StringComparison.Ordinal);
            torchSharp |= x is NotSupportedException && x.Message.Contains("TorchSharp", StringComparison.Ordinal)
                || x is DllNotFoundException && x.Message.Contains("Torch", StringComparison.OrdinalIgnoreCase);
        }
        if (!torchSharp && !glibcxx) return null;
        var reason = Packages.NativeFolders.LastFailure is { } failure && !glibcxx ? $" (the loader said: {failure})" : "";
        return $"TorchSharp's native libraries did not load{reason}. Run `bash environment/setup-torchsharp.sh` from the " +
               "NotebookKit repository (it marks the shim's GLIBCXX_3.4.32 requirement weak on systems whose libstdc++ lacks it), " +
               "then restart the kernel.";
    }

    /// <summary>A <c>#r "nuget: …"</c> line that could not be restored: restore's own lines say which package, version and sources.</summary>
    public static ErrorOutput Package(Exception e)
    {
        var lines = e.Message.Split('\n');
        return new ErrorOutput("PackageRestoreError", lines[0], [$"PackageRestoreError: {lines[0]}", .. lines.Skip(1)]);
    }

    public static ErrorOutput Timeout(int cell, TimeSpan limit, bool stuck) => Interrupted("TimeoutException", cell,
        $"Cell [{cell}] did not finish within its time limit of {limit.TotalSeconds:0.###} s (--timeout / KernelOptions.DefaultTimeout).", stuck);

    public static ErrorOutput Cancelled(int cell, bool stuck) =>
        Interrupted("OperationCanceledException", cell, $"Cell [{cell}] was cancelled.", stuck);

    private static ErrorOutput Interrupted(string ename, int cell, string message, bool stuck)
    {
        if (stuck)
            message += " It did not stop at a KernelInterrupt check and is still running; the kernel cannot run more cells " +
                       "(the headless runner ends the notebook's process).";
        return new ErrorOutput(ename, message, [$"{ename}: {message}"]);
    }

    [GeneratedRegex(@"^\s*at Submission#\d+\.(?<method>.*?)(?: in (?<file>cell(?<cell>\d+)\.csx):line (?<line>\d+))?\s*$")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"^<<Initialize>>d__\d+\.MoveNext\(\)$|^<Initialize>")]
    private static partial Regex TopLevel();

    private static IEnumerable<string> Frames(string? stackTrace)
    {
        foreach (var raw in (stackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = SubmissionFrame().Match(raw);
            if (m.Success)
            {
                var where = m.Groups["cell"].Success ? $"cell [{m.Groups["cell"].Value}], line {m.Groups["line"].Value}" : "a cell";
                var method = m.Groups["method"].Value;
                yield return TopLevel().IsMatch(method) ? $"   at {where}" : $"   at {Tidy(method)} in {where}";
            }
            else if (raw.StartsWith("at NotebookKit.", StringComparison.Ordinal) && !raw.StartsWith("at NotebookKit.Kernel.", StringComparison.Ordinal))
                yield return "   " + raw;
        }
    }

    // "<>c.<<Initialize>>b__0_0(Int32 i)" → "lambda(Int32 i)"; "Square(Int32 x)" stays.
    private static string Tidy(string method) =>
        method.Contains(">b__", StringComparison.Ordinal) ? "lambda" + method[method.LastIndexOf('(')..] : method;
}
