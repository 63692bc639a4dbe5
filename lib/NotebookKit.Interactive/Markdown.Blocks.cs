using System.Text;
using System.Text.RegularExpressions;

namespace NotebookKit.Interactive;

// Lists and tables: the two block kinds with structure of their own.
public static partial class Markdown
{
    private static int List(string[] lines, int i, int end, StringBuilder sb)
    {
        var first = ListItem().Match(lines[i]);
        int indent = first.Groups[1].Length;
        bool ordered = char.IsDigit(first.Groups[2].Value[0]);
        sb.Append(ordered ? "<ol>\n" : "<ul>\n");
        while (i < end)
        {
            var m = ListItem().Match(lines[i]);
            if (!m.Success || m.Groups[1].Length != indent || char.IsDigit(m.Groups[2].Value[0]) != ordered) break;
            var item = new List<string> { lines[i][m.Length..] };
            int j = i + 1;
            // Continuation lines: indented deeper than the marker, or lazily continued paragraph text.
            for (; j < end; j++)
            {
                string l = lines[j];
                if (l.Trim().Length == 0)
                {
                    if (j + 1 < end && Indent(lines[j + 1]) > indent) { item.Add(""); continue; }
                    break;
                }
                var lm = ListItem().Match(l);
                if (lm.Success && lm.Groups[1].Length <= indent) break;
                item.Add(Indent(l) > indent ? l[Math.Min(Indent(l), indent + m.Groups[2].Length + 1)..] : l.Trim());
            }
            sb.Append("<li>");
            if (item.Skip(1).Any(l => ListItem().IsMatch(l) || l.Length == 0))
            {
                // A tight first line stays inline; nested lists and later paragraphs render as blocks.
                int from = item[1].Length > 0 && !ListItem().IsMatch(item[1]) ? 0 : 1;
                if (from == 1) sb.Append(Inline(item[0].Trim()));
                sb.Append('\n');
                RenderBlocks(item.ToArray(), from, item.Count, sb);
            }
            else sb.Append(Inline(string.Join("\n", item.Select(s => s.Trim()))));
            sb.Append("</li>\n");
            i = j;
            while (i < end && lines[i].Trim().Length == 0 && i + 1 < end && ListItem().Match(lines[i + 1]) is { Success: true } nextItem
                   && nextItem.Groups[1].Length == indent && char.IsDigit(nextItem.Groups[2].Value[0]) == ordered) i++;
        }
        sb.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static bool IsTableStart(string[] lines, int i, int end) =>
        i + 1 < end && lines[i].Contains('|') && TableSeparator().IsMatch(lines[i + 1].Trim());

    private static int Table(string[] lines, int i, int end, StringBuilder sb)
    {
        var header = Cells(lines[i]);
        var aligns = Cells(lines[i + 1]).Select(c =>
            c.StartsWith(':') && c.EndsWith(':') ? "center" : c.EndsWith(':') ? "right" : c.StartsWith(':') ? "left" : null).ToList();
        sb.Append("<table>\n<thead><tr>");
        for (int c = 0; c < header.Count; c++) sb.Append(Cell("th", header[c], aligns.ElementAtOrDefault(c)));
        sb.Append("</tr></thead>\n<tbody>\n");
        int j = i + 2;
        for (; j < end && lines[j].Contains('|') && lines[j].Trim().Length > 0; j++)
        {
            var row = Cells(lines[j]);
            sb.Append("<tr>");
            for (int c = 0; c < header.Count; c++) sb.Append(Cell("td", row.ElementAtOrDefault(c) ?? "", aligns.ElementAtOrDefault(c)));
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        return j;
    }

    private static string Cell(string tag, string text, string? align) =>
        (align == null ? $"<{tag}>" : $"<{tag} style=\"text-align:{align}\">") + Inline(text) + $"</{tag}>";

    private static List<string> Cells(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|")) t = t[..^1];
        return Regex.Split(t, @"(?<!\\)\|").Select(c => c.Trim().Replace("\\|", "|")).ToList();
    }

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();
}
