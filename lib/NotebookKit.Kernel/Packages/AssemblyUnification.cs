using System.Reflection;
using System.Runtime.Loader;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Unifies a request for an older version of a package assembly with the one copy the closure restored, as a project's
/// deps.json would. Roslyn's script loader matches strong-named assemblies only by their exact version, so Plotly.NET 6
/// (built against FSharp.Core 5.0.0.0, as Giraffe.ViewEngine 1.4.0) could not load the restored FSharp.Core 10.1.0.0
/// (<c>Could not load file or assembly 'FSharp.Core, Version=5.0.0.0'</c>), and a second copy loaded later broke type
/// identity (<c>MissingMethodException: Giraffe.ViewEngine.Attributes.get__id()</c> in the first chart). Every load
/// context's <c>Resolving</c> (raised once the context's own loading and the default context failed) answers with the
/// already-loaded copy of that simple name, or else the closure's file, when its version is at least the one requested.
/// </summary>
internal static class AssemblyUnification
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> Paths = new(StringComparer.OrdinalIgnoreCase); // simple name → closure file
    private static readonly EveryLoadContext Contexts = new(context => context.Resolving += Resolve);

    /// <summary>Makes <paramref name="assemblies"/> (files of a restored closure) the answer for their simple names.</summary>
    public static void Add(IEnumerable<string> assemblies)
    {
        lock (Gate)
        {
            foreach (var path in assemblies) Paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
        Contexts.Start();
    }

    /// <summary>The loaded assembly (highest version) or closure file named <paramref name="name"/>, if not older than asked.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.GetName().Version).FirstOrDefault();
        if (loaded != null) return NotOlder(loaded.GetName(), name) ? loaded : null;
        string? path;
        lock (Gate)
        {
            if (name.Name == null || !Paths.TryGetValue(name.Name, out path)) return null;
        }
        return NotOlder(AssemblyName.GetAssemblyName(path), name) ? context.LoadFromAssemblyPath(path) : null;
    }

    private static bool NotOlder(AssemblyName candidate, AssemblyName requested) =>
        requested.Version == null || (candidate.Version != null && candidate.Version >= requested.Version);
}
