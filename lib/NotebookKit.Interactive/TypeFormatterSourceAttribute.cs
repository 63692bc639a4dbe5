namespace NotebookKit.Interactive;

/// <summary>
/// Marks a type whose values render richly (figures, image grids, tables). This is .NET Interactive's
/// convention-based formatter hook: hosts match the attribute by its name and read
/// <see cref="FormatterSourceType"/>, whose <c>CreateTypeFormatters()</c> returns objects with
/// <c>string MimeType</c> and <c>bool Format(object instance, TextWriter writer)</c>. Because it is matched by
/// name, legacy .NET Interactive installs render our types with no package reference, and NotebookKit's own
/// runner and kernel use the same path (<see cref="Formatting"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a public parameterless constructor and <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types a host should prefer when it shows only one (e.g. <c>text/html</c>).</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
