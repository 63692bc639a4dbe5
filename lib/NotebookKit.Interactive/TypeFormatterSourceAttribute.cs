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

    /// <summary>
    /// The MIME types .NET Interactive shows for the type, or null for its default (<c>text/html</c> alone). It passes a
    /// non-null value to <c>Formatter.SetPreferredMimeTypesFor</c>, which throws on an empty array ("Value cannot be null
    /// or whitespace. (Parameter 'preferredMimeTypes')", the first chart of notebooks 01 and 03 under dotnet-interactive),
    /// and then shows exactly these, so list every type the formatter source gives. NotebookKit's own hosts show every
    /// type the formatters give and ignore this.
    /// </summary>
    public string[]? PreferredMimeTypes { get; set; }
}
