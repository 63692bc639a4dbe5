using System.Globalization;
using System.Net;
using System.Text;
using NotebookKit.Interactive;

namespace NotebookKit.Display;

/// <summary>
/// A small table of results (e.g. reconstruction error per model) that renders as an HTML table in notebooks and
/// as aligned text in consoles. Numbers are written with <see cref="NumberFormat"/> in the invariant culture.
/// <example><code>new Table("model", "MSE per pixel").AddRow("PCA", 0.0151).AddRow("AE", 0.0091)</code></example>
/// </summary>
[TypeFormatterSource(typeof(FormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class Table
{
    private readonly List<string[]> rows = [];

    public Table(params string[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Table: give at least one column name.");
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows => rows;

    /// <summary>An optional caption shown above the table.</summary>
    public string? Title { get; set; }

    /// <summary>How numbers are written (a .NET format string); default <c>G5</c>.</summary>
    public string NumberFormat { get; set; } = "G5";

    /// <summary>Appends a row; it must have one cell per column.</summary>
    public Table AddRow(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Table.AddRow: {cells.Length} cells for {Columns.Count} columns ({string.Join(", ", Columns)}).");
        rows.Add(cells.Select(Cell).ToArray());
        return this;
    }

    private string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(NumberFormat, CultureInfo.InvariantCulture),
        float f => f.ToString(NumberFormat, CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Aligned plain text: numbers right-aligned, text left-aligned.</summary>
    public override string ToString()
    {
        var widths = Columns.Select((c, j) => Math.Max(c.Length, rows.Count == 0 ? 0 : rows.Max(r => r[j].Length))).ToArray();
        var sb = new StringBuilder();
        if (Title != null) sb.AppendLine(Title);
        sb.AppendLine(string.Join("  ", Columns.Select((c, j) => c.PadRight(widths[j]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in rows)
            sb.AppendLine(string.Join("  ", r.Select((c, j) => IsNumber(c) ? c.PadLeft(widths[j]) : c.PadRight(widths[j]))).TrimEnd());
        return sb.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>An HTML table (cells escaped; numbers right-aligned).</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<table class=\"nbk-table\">");
        if (Title != null) sb.Append("<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var c in Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in r)
                sb.Append(IsNumber(c) ? "<td style=\"text-align:right\">" : "<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    private sealed class FormatterSource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new TypeFormatter<Table>("text/html", (t, w) => w.Write(t.ToHtml())),
            new TypeFormatter<Table>("text/plain", (t, w) => w.Write(t.ToString())),
        ];
    }
}
