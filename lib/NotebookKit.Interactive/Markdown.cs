using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookKit.Interactive;

/// <summary>
/// Renders the Markdown of notebook cells to HTML for exported pages (<see cref="HtmlPage"/>): ATX headings,
/// paragraphs, emphasis, code spans and fenced code, ordered/unordered (nested) lists, block quotes, pipe
/// tables, links, images and rules. Raw HTML is escaped, not passed through, so a page cannot be broken by a
/// cell. LaTeX (<c>$…$</c>, <c>$$…$$</c>) is kept verbatim in <c>span.math</c>/<c>div.math</c>; <see cref="HtmlPage"/> typesets it
/// with the embedded MathJax.
/// </summary>
public static partial class Markdown
{
    public static string ToHtml(string markdown)
    {
        var lines = (markdown ?? "").Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder();
        RenderBlocks(lines, 0, lines.Length, sb);
        return sb.ToString();
    }

    private static void RenderBlocks(string[] lines, int start, int end, StringBuilder sb)
    {
        int i = start;
        while (i < end)
        {
            string line = lines[i];
            string t = line.Trim();
            if (t.Length == 0) { i++; continue; }
            if (t.StartsWith("```") || t.StartsWith("~~~")) { i = Fence(lines, i, end, sb); continue; }
            if (t.StartsWith("$$")) { i = DisplayMath(lines, i, end, sb); continue; }
            var h = Heading().Match(t);
            if (h.Success)
            {
                int level = h.Groups[1].Length;
                sb.Append($"<h{level}>").Append(Inline(h.Groups[2].Value.TrimEnd('#', ' '))).Append($"</h{level}>\n");
                i++; continue;
            }
            if (Rule().IsMatch(t)) { sb.Append("<hr>\n"); i++; continue; }
            if (t.StartsWith('>')) { i = Quote(lines, i, end, sb); continue; }
            if (IsTableStart(lines, i, end)) { i = Table(lines, i, end, sb); continue; }
            if (ListItem().IsMatch(line)) { i = List(lines, i, end, sb); continue; }
            i = Paragraph(lines, i, end, sb);
        }
    }

    private static int Fence(string[] lines, int i, int end, StringBuilder sb)
    {
        string fence = lines[i].Trim()[..3];
        string lang = lines[i].Trim()[3..].Trim();
        int j = i + 1;
        var code = new StringBuilder();
        for (; j < end && !lines[j].Trim().StartsWith(fence); j++) code.Append(lines[j]).Append('\n');
        sb.Append(lang.Length > 0 ? $"<pre><code class=\"language-{Escape(lang)}\">" : "<pre><code>")
          .Append(Escape(code.ToString())).Append("</code></pre>\n");
        return Math.Min(j + 1, end);
    }

    private static int DisplayMath(string[] lines, int i, int end, StringBuilder sb)
    {
        string first = lines[i].Trim()[2..];
        var tex = new StringBuilder();
        int j = i;
        if (first.EndsWith("$$") && first.Length >= 2) { tex.Append(first[..^2]); j = i; }
        else
        {
            tex.Append(first);
            for (j = i + 1; j < end; j++)
            {
                string t = lines[j].Trim();
                if (t.EndsWith("$$")) { tex.Append('\n').Append(t[..^2]); break; }
                tex.Append('\n').Append(lines[j]);
            }
        }
        sb.Append("<div class=\"math display\">\\[").Append(Escape(tex.ToString().Trim())).Append("\\]</div>\n");
        return Math.Min(j + 1, end);
    }

    private static int Quote(string[] lines, int i, int end, StringBuilder sb)
    {
        var inner = new List<string>();
        for (; i < end && lines[i].TrimStart().StartsWith('>'); i++)
        {
            var t = lines[i].TrimStart()[1..];
            inner.Add(t.StartsWith(' ') ? t[1..] : t);
        }
        sb.Append("<blockquote>\n");
        RenderBlocks(inner.ToArray(), 0, inner.Count, sb);
        sb.Append("</blockquote>\n");
        return i;
    }

    private static int Paragraph(string[] lines, int i, int end, StringBuilder sb)
    {
        var text = new List<string>();
        for (; i < end; i++)
        {
            string t = lines[i].Trim();
            if (t.Length == 0 || t.StartsWith("```") || t.StartsWith("~~~") || t.StartsWith("$$") || Heading().IsMatch(t)
                || t.StartsWith('>') || (text.Count > 0 && ListItem().IsMatch(lines[i]))) break;
            text.Add(t);
        }
        sb.Append("<p>").Append(Inline(string.Join("\n", text))).Append("</p>\n");
        return i;
    }

    internal static string Escape(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(\s*)([-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();
}
