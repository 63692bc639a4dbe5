using System.Reflection;
using System.Runtime.Loader;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Binds a reference to an older version of a strong-named assembly to the newer copy a restored package brought, as
/// .NET's default load context does for an application's own dependencies. Roslyn's script loader matches versions
/// exactly: Plotly.NET 6 asks for <c>FSharp.Core, Version=5.0.0.0</c> in places, the restore brings FSharp.Core 10.1, and
/// without this every chart failed in Plotly.NET's type initializer ("Could not load file or assembly 'FSharp.Core,
/// Version=5.0.0.0'"). Only the same simple name and public key token at a version at least the one asked for is used.
/// </summary>
internal static class AssemblyRollForward
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> Paths = new(StringComparer.OrdinalIgnoreCase); // simple name → restored file
    private static readonly HashSet<AssemblyLoadContext> Hooked = [];
    private static bool watching;

    /// <summary>Makes <paramref name="assemblies"/> (restored files) candidates, and hooks every load context once.</summary>
    public static void Add(IEnumerable<string> assemblies)
    {
        lock (Gate)
        {
            foreach (var path in assemblies) Paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            if (watching) return;
            watching = true;
        }
        // Roslyn loads #r assemblies into load contexts of its own, so every context gets the handler, not only Default.
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        foreach (var context in AssemblyLoadContext.All) Hook(context);
    }

    private static void Hook(AssemblyLoadContext? context)
    {
        if (context == null) return;
        lock (Gate)
            if (!Hooked.Add(context)) return;
        context.Resolving += Resolve;
    }

    /// <summary>A loaded assembly, else a restored file, with <paramref name="name"/>'s simple name and key token and a version ≥ its version; else null.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && Fits(a.GetName(), name))
            .OrderByDescending(a => a.GetName().Version).FirstOrDefault();
        if (loaded != null) return loaded;
        string? path;
        lock (Gate) Paths.TryGetValue(name.Name ?? "", out path);
        if (path == null || !File.Exists(path)) return null;
        return Fits(AssemblyName.GetAssemblyName(path), name) ? context.LoadFromAssemblyPath(path) : null;
    }

    private static bool Fits(AssemblyName candidate, AssemblyName wanted) =>
        string.Equals(candidate.Name, wanted.Name, StringComparison.OrdinalIgnoreCase)
        && (wanted.Version == null || (candidate.Version != null && candidate.Version >= wanted.Version))
        && Token(candidate) == Token(wanted);

    private static string Token(AssemblyName n) => Convert.ToHexString(n.GetPublicKeyToken() ?? []);
}
