using System.Runtime.Loader;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Runs a hook once on every assembly load context, the ones that exist and each one that appears later. Roslyn loads
/// #r assemblies into load contexts of its own, so resolution handlers (managed and native) must sit on every context,
/// not only Default.
/// </summary>
internal sealed class EveryLoadContext
{
    private readonly object gate = new();
    private readonly HashSet<AssemblyLoadContext> hooked = [];
    private readonly Action<AssemblyLoadContext> hook;
    private bool started;

    public EveryLoadContext(Action<AssemblyLoadContext> hook) => this.hook = hook;

    /// <summary>Hooks all contexts now and every new one as its first assembly loads; later calls do nothing.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (started) return;
            started = true;
        }
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        foreach (var context in AssemblyLoadContext.All) Hook(context);
        Hook(AssemblyLoadContext.Default);
    }

    private void Hook(AssemblyLoadContext? context)
    {
        if (context == null) return;
        lock (gate)
        {
            if (!hooked.Add(context)) return;
        }
        hook(context);
    }
}
