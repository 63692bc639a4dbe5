using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookKit.Kernel;

/// <summary>
/// Runs the module initializer of every assembly a cell referenced by path (<c>#r "lib.dll"</c>) right after that cell,
/// as .NET Interactive loads a referenced assembly at once. A library registers its formatters in its module
/// initializer, and Roslyn loads a referenced assembly only when code first uses one of its types: before this, a
/// Plotly.NET chart shown before any NotebookKit type was used rendered as plain text.
/// </summary>
internal static partial class ModuleInitializers
{
    /// <summary>
    /// A statement that runs the initializers of the assemblies <paramref name="source"/> references by path (through a
    /// public type of each, so the script's own loader loads the same copy the cell's code will use); null when none.
    /// </summary>
    public static string? Snippet(string source)
    {
        var code = new StringBuilder();
        foreach (Match m in PathReference().Matches(source))
            if (PublicType(m.Groups["path"].Value) is { } type)
                code.Append("System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(global::")
                    .Append(type).Append(").Module.ModuleHandle);\n");
        return code.Length == 0 ? null : code.ToString();
    }

    /// <summary>The full name of a public, non-generic, top-level type of the assembly at <paramref name="path"/>.</summary>
    private static string? PublicType(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) return null;
            var md = pe.GetMetadataReader();
            foreach (var handle in md.TypeDefinitions)
            {
                var t = md.GetTypeDefinition(handle);
                var name = md.GetString(t.Name);
                if ((t.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public || name.Contains('`')) continue;
                var ns = md.GetString(t.Namespace);
                return ns.Length == 0 ? name : $"{ns}.{name}";
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException) { }
        return null;
    }

    [GeneratedRegex("^\\s*#r\\s+\"(?<path>[^\"]+\\.dll)\"", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PathReference();
}
