namespace NotebookKit.Interactive;

/// <summary>
/// Shows values in whatever host runs the code (PyTorch courses use IPython's <c>display</c>; .NET
/// Interactive's global is <c>display(x)</c>, which NotebookKit's hosts map here). A display can be updated in
/// place through its <see cref="DisplayHandle"/>, which is how live training charts work.
/// </summary>
public static class Display
{
    private static readonly AsyncLocal<IDisplayHost?> CurrentHost = new();
    private static int nextId;

    /// <summary>
    /// The host in effect on this execution flow: the one a NotebookKit host installed, else the running .NET Interactive
    /// cell's (<see cref="DotNetInteractiveDisplay"/>), else null (console fallback).
    /// </summary>
    public static IDisplayHost? Host => CurrentHost.Value ?? DotNetInteractiveDisplay.Current;

    /// <summary>Installs <paramref name="host"/> until the returned scope is disposed (hosts call this per cell).</summary>
    public static IDisposable UseHost(IDisplayHost host)
    {
        var previous = CurrentHost.Value;
        CurrentHost.Value = host;
        return new Scope(() => CurrentHost.Value = previous);
    }

    /// <summary>Renders <paramref name="value"/> (see <see cref="Formatting"/>) and shows it; returns a handle for updates.</summary>
    public static DisplayHandle Show(object? value, string? displayId = null)
    {
        var id = displayId ?? NewDisplayId();
        Publish(Formatting.ToMimeBundle(value), id, update: false);
        return new DisplayHandle(id);
    }

    internal static void Publish(MimeBundle bundle, string displayId, bool update)
    {
        var host = Host;
        if (host != null) host.Publish(bundle, displayId, update);
        else Console.Out.WriteLine(bundle["text/plain"]);
    }

    /// <summary>A fresh id, unique within this process.</summary>
    public static string NewDisplayId() => $"nbkit-{Environment.ProcessId}-{Interlocked.Increment(ref nextId)}";

    private sealed class Scope(Action restore) : IDisposable
    {
        private Action? restore = restore;

        public void Dispose()
        {
            restore?.Invoke();
            restore = null;
        }
    }
}
