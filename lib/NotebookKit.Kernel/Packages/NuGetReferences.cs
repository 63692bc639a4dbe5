namespace NotebookKit.Kernel.Packages;

/// <summary>
/// The packages one kernel has referenced. Each cell's new requests are restored together with every earlier one (so
/// versions unify across cells, as one project's would), from the cache when this exact set was resolved before; the
/// closure's assemblies not referenced yet are handed back for the script's references, and its natives made loadable.
/// </summary>
internal sealed class NuGetReferences(string cacheDirectory, string workingDirectory)
{
    private readonly PackageCache cache = new(cacheDirectory);
    private readonly List<PackageRequest> requests = [];
    private readonly Dictionary<string, string> resolved = new(StringComparer.OrdinalIgnoreCase); // id → version
    private readonly HashSet<string> assemblyNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times this kernel ran <c>dotnet restore</c> (a warm cache makes none).</summary>
    public int Restores { get; private set; }

    /// <summary>The last cache entry used or written (its key names the package set).</summary>
    public string? LastEntry { get; private set; }

    /// <summary>Restores <paramref name="directives"/> with the earlier requests; returns the assemblies to reference and one line per new package.</summary>
    /// <exception cref="PackageRestoreException">a version clash, or restore failed.</exception>
    public (IReadOnlyList<string> Assemblies, IReadOnlyList<string> Messages) Add(IReadOnlyList<PackageDirective> directives, CancellationToken ct)
    {
        var fresh = new List<PackageDirective>();
        foreach (var d in directives)
        {
            var earlier = requests.Concat(fresh.Select(f => f.Request)).FirstOrDefault(r => Same(r.Name, d.Request.Name));
            if (earlier == null) fresh.Add(d);
            else if (d.Request.Version != null && !Same(earlier.Version, d.Request.Version) && !Same(Version(earlier), d.Request.Version))
                throw new PackageRestoreException(
                    $"{d.Where}: #r \"nuget: {d.Request}\": {earlier.Name} {Version(earlier) ?? earlier.Version ?? "(newest)"} is already " +
                    $"referenced; a process loads one version of a package. Use the same version, or restart the kernel to switch to {d.Request.Version}.");
        }
        if (fresh.Count == 0) return ([], []);
        var all = requests.Concat(fresh.Select(f => f.Request)).ToList();
        var closure = Resolve(all, fresh, ct);
        requests.AddRange(fresh.Select(f => f.Request));
        foreach (var p in closure) resolved.TryAdd(p.Name, p.Version);
        NativeFolders.Add(closure, cache.NativeDirectory(LastEntry!));
        AssemblyUnification.Add(closure.SelectMany(p => p.Assemblies));
        var messages = fresh.Select(f => closure.FirstOrDefault(p => Same(p.Name, f.Request.Name)))
            .Where(p => p != null).Select(p => $"Installed {p!.Name} {p.Version}").ToList();
        return (NewAssemblies(closure), messages);
    }

    private IReadOnlyList<RestoredPackage> Resolve(List<PackageRequest> all, List<PackageDirective> fresh, CancellationToken ct)
    {
        var config = FindNuGetConfig(workingDirectory);
        var key = cache.Key(all, config);
        LastEntry = key;
        var cached = cache.TryGet(key, all.Any(r => r.IsFloating));
        if (cached != null) return cached;
        Restores++;
        var projectDir = cache.ProjectDirectory(key);
        try
        {
            var closure = SdkRestore.Restore(all, projectDir, config, ct);
            cache.Put(key, closure);
            return closure;
        }
        catch (PackageRestoreException e)
        {
            throw new PackageRestoreException($"{string.Join(", ", fresh.Select(f => f.Where))}: #r \"nuget: …\": {e.Message}");
        }
        finally
        {
            if (Directory.Exists(projectDir)) Directory.Delete(projectDir, recursive: true);
        }
    }

    /// <summary>Assemblies not referenced yet; one the host already has (NotebookKit's own, the framework's) binds to the host's copy.</summary>
    private List<string> NewAssemblies(IEnumerable<RestoredPackage> closure)
    {
        var paths = new List<string>();
        foreach (var path in closure.SelectMany(p => p.Assemblies))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!assemblyNames.Add(name)) continue;
            paths.Add(HostCopy(name) ?? path);
        }
        return paths;
    }

    private static readonly Lazy<Dictionary<string, string>> TrustedAssemblies = new(() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase));

    private static string? HostCopy(string name) =>
        CellDirectives.LoadedLocation(name) ?? TrustedAssemblies.Value.GetValueOrDefault(name);

    /// <summary>The nuget.config nearest above the notebook's folder (a repository's sources), or null for the user's default.</summary>
    internal static string? FindNuGetConfig(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir != null; dir = dir.Parent)
        {
            if (!dir.Exists) continue;
            var config = dir.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            if (config != null) return config.FullName;
        }
        return null;
    }

    private string? Version(PackageRequest r) => resolved.GetValueOrDefault(r.Name);

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
