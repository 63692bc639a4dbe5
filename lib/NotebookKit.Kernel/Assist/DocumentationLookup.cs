using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NotebookKit.Kernel.Assist;

/// <summary>
/// XML doc summaries for symbols from referenced assemblies: the <c>.xml</c> beside the dll (NotebookKit's own), or
/// the SDK's reference pack for the framework (the runtime folder ships none).
/// </summary>
internal static class DocumentationLookup
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, string>?> Files = new();

    public static string? Summary(ISymbol symbol)
    {
        var fromSource = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(fromSource)) return SummaryOf(fromSource);
        var id = (symbol is IMethodSymbol { ReducedFrom: { } r } ? r : symbol.OriginalDefinition).GetDocumentationCommentId();
        var assembly = symbol.ContainingAssembly?.Name;
        if (id == null || assembly == null) return null;
        foreach (var file in Candidates(assembly))
            if (Files.GetOrAdd(file, Load) is { } docs && docs.TryGetValue(id, out var summary)) return summary;
        return null;
    }

    private static IEnumerable<string> Candidates(string assembly)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == assembly && a.Location.Length > 0)?.Location;
        if (loaded != null) yield return Path.ChangeExtension(loaded, ".xml");
        // <dotnet>/shared/Microsoft.NETCore.App/<v>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<v>/ref/net<major>.<minor>/
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Environment.Version;
        var packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (!Directory.Exists(packs)) yield break;
        foreach (var dir in Directory.GetDirectories(packs).Order().Reverse())
            yield return Path.Combine(dir, "ref", $"net{version.Major}.{version.Minor}", assembly + ".xml");
    }

    private static Dictionary<string, string>? Load(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            return XDocument.Load(file).Descendants("member")
                .Where(m => m.Attribute("name") != null && m.Element("summary") != null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => Clean(g.First().Element("summary")!));
        }
        catch (System.Xml.XmlException) { return null; }
    }

    private static string? SummaryOf(string xml)
    {
        try { return XDocument.Parse(xml).Descendants("summary").Select(Clean).FirstOrDefault(); }
        catch (System.Xml.XmlException) { return null; }
    }

    // <see cref="T:System.String"/> → String; whitespace collapsed.
    private static string Clean(XElement summary)
    {
        foreach (var see in summary.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            var target = see.Attribute("cref")?.Value ?? see.Attribute("name")?.Value ?? see.Attribute("langword")?.Value ?? "";
            see.ReplaceWith(see.Value.Length > 0 ? see.Value : target[(target.LastIndexOfAny([':', '.']) + 1)..]);
        }
        return string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
