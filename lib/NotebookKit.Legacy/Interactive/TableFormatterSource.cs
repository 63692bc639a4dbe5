namespace NotebookKit.Interactive;

/// <summary>Renders a <see cref="Table"/> as <c>text/html</c> and <c>text/plain</c>.</summary>
public sealed class TableFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<Table>("text/html", (t, w) => w.Write(t.ToHtml())),
        new TypeFormatter<Table>("text/plain", (t, w) => w.Write(t.ToString())),
    ];
}
