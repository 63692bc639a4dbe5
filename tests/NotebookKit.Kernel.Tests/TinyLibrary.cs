using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookKit.Kernel.Tests;

/// <summary>Compiles a one-file class library to a dll, so <c>#r</c> tests reference a real assembly the host never loaded.</summary>
internal static class TinyLibrary
{
    /// <summary>Writes <c>{folder}/{name}.dll</c>, compiled against the runtime and the assemblies at <paramref name="references"/>.</summary>
    public static string Build(string folder, string name, string code, params string[] references)
    {
        Directory.CreateDirectory(folder);
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Concat(references)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder, name + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return path;
    }
}
