namespace NotebookKit.Interactive;

/// <summary>
/// One MIME type's formatter for values of type <typeparamref name="T"/>, in the shape the convention-based hook
/// looks up by name (<c>string MimeType</c>, <c>bool Format(object, TextWriter)</c>). Formatter sources return these
/// from <c>CreateTypeFormatters()</c>; <paramref name="write"/> returns false to decline a value.
/// </summary>
public sealed class TypeFormatter<T>(string mimeType, Func<T, TextWriter, bool> write)
{
    public TypeFormatter(string mimeType, Action<T, TextWriter> write)
        : this(mimeType, (v, w) => { write(v, w); return true; }) { }

    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer) => instance is T value && write(value, writer);
}
