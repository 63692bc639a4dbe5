using System.Reflection;

namespace NotebookKit.Interactive;

/// <summary>
/// Forwards <see cref="Formatting.Register{T}"/> to Microsoft .NET Interactive's formatter registry when the process is
/// a .NET Interactive kernel (<c>dotnet-interactive</c>, Polyglot Notebooks, an in-process <c>CSharpKernel</c>), so a
/// Plotly.NET chart or a tensor renders there with the MIME types it has in NotebookKit's own hosts. Found by
/// reflection on the loaded <c>Microsoft.DotNet.Interactive.Formatting</c> assembly: no package reference, so NotebookKit
/// stays BCL-only and is bound to no .NET Interactive version. Types annotated with
/// <see cref="TypeFormatterSourceAttribute"/> need nothing here: .NET Interactive reads that attribute itself.
/// </summary>
internal static class DotNetInteractiveFormatters
{
    internal const string AssemblyName = "Microsoft.DotNet.Interactive.Formatting";

    /// <summary>
    /// Registers a .NET Interactive formatter for <paramref name="mimeType"/> that asks <see cref="Formatting"/> for that
    /// one representation, and makes <paramref name="preferred"/> the type's preferred set (.NET Interactive shows
    /// exactly the preferred MIME types, nothing else). For an abstract type (Plotly.NET's <c>GenericChart</c> is an F# union) the concrete
    /// subclasses of its assembly are registered too: .NET Interactive prefers the most specific type over the newest
    /// registration, so a later registration for the base type (Plotly.NET.Interactive's CDN <c>text/html</c>)
    /// does not replace ours. Returns false when .NET Interactive is not loaded.
    /// </summary>
    public static bool Forward(Type type, string mimeType, IReadOnlyList<string> preferred)
    {
        if (FormatterType() is not { } formatter) return false;
        var register = formatter.GetMethod("Register", BindingFlags.Public | BindingFlags.Static,
            [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
        var prefer = formatter.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static,
            [typeof(Type), typeof(string[])]);
        if (register == null || prefer == null)
            throw new InvalidOperationException(
                $"{AssemblyName} {formatter.Assembly.GetName().Version} has no Formatter.Register(Type, Action<object, TextWriter>, string) " +
                "or SetPreferredMimeTypesFor(Type, string[]); NotebookKit's charts and tensors cannot be shown in this .NET Interactive version.");
        Action<object, TextWriter> write = (value, writer) =>
        {
            if (Formatting.TryFormat(value, mimeType, out var content)) writer.Write(content);
        };
        foreach (var target in WithConcreteSubclasses(type))
        {
            register.Invoke(null, [target, write, mimeType]);
            prefer.Invoke(null, [target, preferred.ToArray()]);
        }
        return true;
    }

    /// <summary><c>Microsoft.DotNet.Interactive.Formatting.Formatter</c> when that assembly is loaded, else null.</summary>
    internal static Type? FormatterType() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == AssemblyName)
            ?.GetType(AssemblyName + ".Formatter");

    private static IEnumerable<Type> WithConcreteSubclasses(Type type)
    {
        yield return type;
        if (!type.IsAbstract) yield break;
        Type[] types;
        try { types = type.Assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types.OfType<Type>().ToArray(); }
        foreach (var t in types)
            if (!t.IsAbstract && t.IsSubclassOf(type)) yield return t;
    }
}
