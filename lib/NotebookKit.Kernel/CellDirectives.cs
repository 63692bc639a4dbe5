using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using NotebookKit.Kernel.Packages;

namespace NotebookKit.Kernel;

/// <summary>
/// Checks a cell's <c>#</c> lines before Roslyn sees them: <c>#r "path.dll"</c> is resolved against the notebook's
/// folder (Roslyn would resolve it against the process's directory); <c>#r "nuget: Name, Version"</c> lines are taken
/// out (blanked) and handed back for the kernel to restore; everything this kernel cannot honour (<c>#load</c>,
/// <c>#!magic</c>, <c>#i</c>, …) is an error naming the directive and its line. Lines keep their positions, so
/// compiler messages still point at the cell's own lines.
/// </summary>
internal static partial class CellDirectives
{
    // The C# preprocessor directives, which are ordinary code to Roslyn.
    private static readonly HashSet<string> CSharpDirectives =
        ["if", "elif", "else", "endif", "define", "undef", "region", "endregion", "pragma", "nullable", "warning", "error", "line"];

    [GeneratedRegex("""^\s*#r\s+"(?<ref>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex("""^\s*#(?<name>!?[A-Za-z_]*)""")]
    private static partial Regex DirectiveLine();

    /// <summary>The cell with its <c>#r</c> paths made absolute and its package lines, or an error for the first directive it cannot run.</summary>
    public static (string Code, IReadOnlyList<PackageDirective> Packages, ErrorOutput? Error) Rewrite(string code, string baseDirectory, int cell)
    {
        var lines = code.Split('\n');
        var packages = new List<PackageDirective>();
        for (int i = 0; i < lines.Length; i++)
        {
            var m = DirectiveLine().Match(lines[i]);
            if (!m.Success) continue;
            string name = m.Groups["name"].Value, where = $"Cell [{cell}], line {i + 1}";
            string text = lines[i].Trim();
            if (CSharpDirectives.Contains(name)) continue;
            if (name != "r")
                return (code, [], Error("UnsupportedDirective", $"{where}: '{text}' is not supported by NotebookKit's kernel: " + name switch
                {
                    "load" => "#load of script files is not available; put the code in a cell or in a library and #r its dll.",
                    _ when name.StartsWith('!') => "#! magic commands belong to .NET Interactive; remove the line.",
                    _ => "only #r \"path.dll\", #r \"nuget: Name, Version\" and the C# preprocessor directives are understood.",
                }));
            var r = ReferenceLine().Match(lines[i]);
            if (!r.Success)
                return (code, [], Error("UnsupportedDirective",
                    $"{where}: '{text}' is malformed; write #r \"relative/or/absolute/path.dll\" or {PackageRequest.Syntax}."));
            var reference = r.Groups["ref"].Value;
            string newLine = lines[i].EndsWith('\r') ? "\r" : "";
            if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                var request = PackageRequest.Parse(reference["nuget:".Length..], out var problem);
                if (request == null)
                    return (code, [], Error("UnsupportedDirective", $"{where}: '{text}' is malformed ({problem}); write {PackageRequest.Syntax}."));
                packages.Add(new PackageDirective(request, where));
                lines[i] = newLine; // restored by the kernel before the cell compiles
                continue;
            }
            var (path, error) = Resolve(reference, baseDirectory, where);
            if (error != null) return (code, [], error);
            lines[i] = $"#r \"{path}\"" + newLine;
        }
        return (string.Join('\n', lines), packages, null);
    }

    private static (string Path, ErrorOutput? Error) Resolve(string reference, string baseDirectory, string where)
    {
        var full = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(baseDirectory, reference));
        if (!File.Exists(full))
            return ("", Error("FileNotFoundException",
                $"{where}: #r \"{reference}\": no file at {full} (relative paths resolve against the notebook's folder {baseDirectory})." +
                (full.Contains("/bin/Release/", StringComparison.Ordinal) ? " Build it first: dotnet build -c Release." : "")));
        return (LoadedCopy(full) ?? full, null);
    }

    /// <summary>
    /// An assembly the host already loaded (NotebookKit.dll itself) binds to the host's copy, so that cells and the
    /// host share one <c>Display</c>, one <c>Results</c> and one set of types instead of two look-alike copies.
    /// </summary>
    private static string? LoadedCopy(string path)
    {
        string name;
        try { name = AssemblyName.GetAssemblyName(path).Name ?? ""; }
        catch (BadImageFormatException) { return null; }
        return LoadedLocation(name);
    }

    /// <summary>Where the host's copy of the assembly named <paramref name="name"/> was loaded from, or null (case-insensitive, as binding is).</summary>
    internal static string? LoadedLocation(string name) =>
        AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a =>
            !a.IsDynamic && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase) && a.Location.Length > 0)?.Location;

    private static ErrorOutput Error(string ename, string message) => new(ename, message, [$"{ename}: {message}"]);
}
