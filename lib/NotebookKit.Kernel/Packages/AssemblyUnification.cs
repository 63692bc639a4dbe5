using System.Reflection;
using System.Runtime.Loader;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Lets an assembly a cell references bind to an already loaded, newer version of a dependency, as the .NET host's
/// deps.json does for an application. Roslyn's scripting loader puts every referenced file in a load context of its
/// own and resolves a dependency only at the exact version it was told about; Giraffe.ViewEngine 1.4.0 (behind
/// Plotly.NET 6.0.0, behind <c>#r "nuget: Plotly.NET.CSharp, 0.14.0"</c>) asks for FSharp.Core 5.0.0.0 while the
/// restore brings 10.1.0.0, and the first chart failed with <c>TypeInitializationException … $Defaults</c> /
/// <c>Could not load file or assembly 'FSharp.Core, Version=5.0.0.0'</c>. Every load context's <c>Resolving</c> (raised
/// only after the context's own probing failed) now answers with a loaded assembly of the same name and public key
/// token whose version is at least the requested one, the highest if several.
/// </summary>
internal static class AssemblyUnification
{
    private static readonly object Gate = new();
    private static readonly HashSet<AssemblyLoadContext> Hooked = [];
    private static bool installed;

    /// <summary>Hooks every load context that exists now or appears later (idempotent).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            installed = true;
        }
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        foreach (var context in AssemblyLoadContext.All) Hook(context);
    }

    /// <summary>The loaded assembly that can stand in for <paramref name="requested"/>: same simple name and public key
    /// token, version ≥ the requested one (the highest such), or null.</summary>
    public static Assembly? FindLoaded(AssemblyName requested, IEnumerable<Assembly> loaded)
    {
        var token = requested.GetPublicKeyToken() ?? [];
        return loaded
            .Where(a => !a.IsDynamic)
            .Select(a => (Assembly: a, Name: a.GetName()))
            .Where(x => string.Equals(x.Name.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
                        && (x.Name.GetPublicKeyToken() ?? []).AsSpan().SequenceEqual(token)
                        && (requested.Version is null || x.Name.Version >= requested.Version))
            .OrderByDescending(x => x.Name.Version)
            .Select(x => x.Assembly)
            .FirstOrDefault();
    }

    private static void Hook(AssemblyLoadContext? context)
    {
        if (context == null) return;
        lock (Gate)
        {
            if (!Hooked.Add(context)) return;
        }
        context.Resolving += (_, name) => FindLoaded(name, AppDomain.CurrentDomain.GetAssemblies());
    }
}
