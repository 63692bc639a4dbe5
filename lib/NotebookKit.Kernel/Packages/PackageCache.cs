using NotebookKit.Interactive;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Resolved assets per exact package set, so a notebook run with a warm cache does no <c>dotnet restore</c> (which costs
/// seconds even when every package is already in the global folder). The key hashes the framework, the RIDs, the
/// nuget.config (path and content) and the requests as written; an entry is used only while every file it names still
/// exists, and an entry for floating requests (no version, <c>*</c>) for a day, so "newest" is looked up again.
/// </summary>
internal sealed class PackageCache(string directory)
{
    private static readonly TimeSpan FloatingLifetime = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The default folder: <c>$XDG_CACHE_HOME/notebookkit/nuget</c>, else <c>~/.cache/notebookkit/nuget</c>.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "notebookkit", "nuget");
        }
    }

    public string Root { get; } = directory;

    public string Key(IEnumerable<PackageRequest> requests, string? configFile)
    {
        var text = new StringBuilder()
            .AppendLine(SdkRestore.TargetFramework)
            .AppendLine(string.Join(";", ProjectAssets.RuntimeIds))
            .AppendLine(configFile ?? "(user default)")
            .AppendLine(configFile != null && File.Exists(configFile) ? File.ReadAllText(configFile) : "");
        foreach (var r in requests.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
            text.AppendLine($"{r.Name.ToLowerInvariant()}|{r.VersionRange}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    /// <summary>A throwaway project's folder for <paramref name="key"/>, one per process (two runners may restore the same set at once).</summary>
    public string ProjectDirectory(string key) => Path.Combine(Root, "restore", $"{key}.{Environment.ProcessId}");

    /// <summary>The consolidated native folder for <paramref name="key"/>.</summary>
    public string NativeDirectory(string key) => Path.Combine(Root, "natives", key);

    public string EntryPath(string key) => Path.Combine(Root, key + ".json");

    /// <summary>The cached closure, or null when there is none or it is stale.</summary>
    public IReadOnlyList<RestoredPackage>? TryGet(string key, bool floating)
    {
        var path = EntryPath(key);
        if (!File.Exists(path)) return null;
        if (floating && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > FloatingLifetime) return null;
        List<RestoredPackage>? packages;
        try { packages = JsonSerializer.Deserialize<List<RestoredPackage>>(File.ReadAllText(path), Json); }
        catch (JsonException) { return null; }
        bool complete = packages != null && packages.All(p => p.Assemblies.Concat(p.Natives).All(File.Exists));
        return complete ? packages : null;
    }

    public void Put(string key, IReadOnlyList<RestoredPackage> packages) =>
        AtomicFile.WriteAllText(EntryPath(key), JsonSerializer.Serialize(packages, Json));
}
