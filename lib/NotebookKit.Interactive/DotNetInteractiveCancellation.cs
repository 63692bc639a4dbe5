using System.Linq.Expressions;
using System.Reflection;

namespace NotebookKit.Interactive;

/// <summary>
/// The running cell's cancellation inside a .NET Interactive kernel: .NET Interactive's <c>Cancel</c> command (behind
/// Polyglot Notebooks' Stop) cancels the cell's <c>KernelInvocationContext.CancellationToken</c> and reports the cell
/// failed at once, but cannot stop the code still running. (Jupyter's interrupt on <c>.net-csharp</c> never gets here in
/// dotnet-interactive 1.0.712001: its SIGINT ends the kernelspec's <c>dotnet</c> muxer; see README.) <see cref="KernelInterrupt"/> reads this token, so the DataLoader and the training helpers stop at their next
/// step there as under NotebookKit's own kernel. Bound by reflection, as <see cref="DotNetInteractiveDisplay"/> is:
/// no package reference, <see cref="CancellationToken.None"/> outside a .NET Interactive cell.
/// </summary>
internal static class DotNetInteractiveCancellation
{
    private static readonly Lazy<Func<CancellationToken>?> Bound = new(Bind);

    /// <summary>The token of the .NET Interactive cell running on this flow, or <see cref="CancellationToken.None"/>.</summary>
    public static CancellationToken Current
    {
        get
        {
            if (Bound.Value is not { } token) return CancellationToken.None;
            // A context whose cell completed normally disposes its token source; work the cell left running (a
            // Task.Run loop) is then not cancelled by anyone, so it reads as not cancelled.
            try { return token(); }
            catch (ObjectDisposedException) { return CancellationToken.None; }
        }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell running on this flow was cancelled.</summary>
    public static void ThrowIfCancelled()
    {
        var token = Current;
        if (token.IsCancellationRequested)
            throw new OperationCanceledException("Cell interrupted by .NET Interactive (Cancel, Stop in Polyglot Notebooks): stopped at the next step.", token);
    }

    // () => KernelInvocationContext.Current is { } c ? c.CancellationToken : default, compiled once.
    private static Func<CancellationToken>? Bind()
    {
        var core = DotNetInteractiveDisplay.CoreAssembly();
        if (core == null) return null;
        var contextType = core.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
        var current = contextType?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
        var token = contextType?.GetProperty("CancellationToken", BindingFlags.Public | BindingFlags.Instance);
        if (contextType == null || current == null || token?.PropertyType != typeof(CancellationToken))
        {
            // Training must still run in such a version, so this is a warning (once, on the first cell's stderr), not an error.
            Console.Error.WriteLine(
                $"NotebookKit: Microsoft.DotNet.Interactive {core.GetName().Version} has no KernelInvocationContext.Current / " +
                "CancellationToken (checked against 1.0.0-beta.26120.1, dotnet-interactive 1.0.712001), so training loops do not see " +
                "Stop in this version: restart the kernel to stop a long cell.");
            return null;
        }
        var context = Expression.Variable(contextType, "context");
        var body = Expression.Block(typeof(CancellationToken), [context],
            Expression.Assign(context, Expression.Property(null, current)),
            Expression.Condition(Expression.ReferenceEqual(context, Expression.Constant(null, contextType)),
                Expression.Default(typeof(CancellationToken)), Expression.Property(context, token)));
        return Expression.Lambda<Func<CancellationToken>>(body).Compile();
    }
}
