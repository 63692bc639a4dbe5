using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Reads what <c>dotnet restore</c> wrote to <c>obj/project.assets.json</c>: for every package of the closure, its
/// runtime assemblies for the framework (<c>targets.net10.0.*.runtime</c>, or the RID-specific
/// <c>runtimeTargets</c> of asset type <c>runtime</c> when it has some for this machine) and its native libraries
/// (<c>runtimeTargets</c> of asset type <c>native</c> for the nearest RID: linux-x64, then linux, then unix).
/// </summary>
internal static class ProjectAssets
{
    /// <summary>This process's RID and the ones it falls back to, nearest first.</summary>
    public static IReadOnlyList<string> RuntimeIds { get; } = FallbackRids(RuntimeInformation.RuntimeIdentifier);

    public static IReadOnlyList<RestoredPackage> Read(string assetsPath, string targetFramework)
    {
        var root = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var folder = root["packageFolders"]!.AsObject().Select(kv => kv.Key).First();
        var libraries = root["libraries"]!.AsObject();
        var target = root["targets"]![targetFramework]!.AsObject();
        var packages = new List<RestoredPackage>();
        foreach (var (key, node) in target)
        {
            if (node!["type"]?.GetValue<string>() != "package") continue;
            var dir = Path.Combine(folder, libraries[key]!["path"]!.GetValue<string>());
            var runtimeTargets = node["runtimeTargets"] as JsonObject;
            var assemblies = ForNearestRid(runtimeTargets, "runtime") ?? Files(node["runtime"] as JsonObject);
            var natives = ForNearestRid(runtimeTargets, "native") ?? [];
            var (name, version) = (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
            packages.Add(new RestoredPackage(name, version,
                assemblies.Select(f => Path.GetFullPath(Path.Combine(dir, f))).ToList(),
                natives.Select(f => Path.GetFullPath(Path.Combine(dir, f))).ToList()));
        }
        return packages;
    }

    private static List<string> Files(JsonObject? assets) =>
        assets?.Select(kv => kv.Key).Where(f => !f.EndsWith("/_._", StringComparison.Ordinal) && f != "_._").ToList() ?? [];

    private static List<string>? ForNearestRid(JsonObject? runtimeTargets, string assetType)
    {
        if (runtimeTargets == null) return null;
        foreach (var rid in RuntimeIds)
        {
            var files = runtimeTargets
                .Where(kv => kv.Value!["assetType"]?.GetValue<string>() == assetType && kv.Value["rid"]?.GetValue<string>() == rid)
                .Select(kv => kv.Key).ToList();
            if (files.Count > 0) return files;
        }
        return null;
    }

    private static List<string> FallbackRids(string rid)
    {
        var rids = new List<string> { rid };
        var os = rid.Split('-')[0];
        if (os != rid) rids.Add(os);
        if (!OperatingSystem.IsWindows()) rids.Add("unix");
        rids.Add("any");
        return rids;
    }
}
