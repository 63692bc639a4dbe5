using System.Text;

namespace NotebookKit.Interactive;

// Inline spans, scanned left to right: code and math first (their contents are literal), then links,
// images and emphasis. Everything else is HTML-escaped.
public static partial class Markdown
{
    private static string Inline(string text)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && "\\`*_{}[]()#+-.!$|<>".Contains(text[i + 1]))
            {
                sb.Append(Escape(text[i + 1].ToString())); i += 2; continue;
            }
            if (c == '`' && TryDelimited(text, i, "`", out var code, out int next))
            {
                sb.Append("<code>").Append(Escape(code)).Append("</code>"); i = next; continue;
            }
            if (c == '$' && TryDelimited(text, i, text.AsSpan(i).StartsWith("$$") ? "$$" : "$", out var tex, out next) && tex.Trim().Length > 0)
            {
                sb.Append("<span class=\"math\">\\(").Append(Escape(tex)).Append("\\)</span>"); i = next; continue;
            }
            if ((c == '!' && i + 1 < text.Length && text[i + 1] == '[') || c == '[')
            {
                if (TryLink(text, i, sb, out next)) { i = next; continue; }
            }
            if ((c == '*' || c == '_') && TryEmphasis(text, i, sb, out next)) { i = next; continue; }
            if (c == '\n') { sb.Append(text.AsSpan(0, i).EndsWith("  ") ? "<br>\n" : "\n"); i++; continue; }
            sb.Append(Escape(c.ToString()));
            i++;
        }
        return sb.ToString();
    }

    private static bool TryDelimited(string text, int i, string delim, out string inner, out int next)
    {
        int close = text.IndexOf(delim, i + delim.Length, StringComparison.Ordinal);
        inner = ""; next = i;
        if (close < 0) return false;
        inner = text[(i + delim.Length)..close];
        next = close + delim.Length;
        return true;
    }

    private static bool TryLink(string text, int i, StringBuilder sb, out int next)
    {
        next = i;
        bool image = text[i] == '!';
        int open = image ? i + 1 : i;
        int closeBracket = text.IndexOf(']', open + 1);
        if (closeBracket < 0 || closeBracket + 1 >= text.Length || text[closeBracket + 1] != '(') return false;
        int closeParen = text.IndexOf(')', closeBracket + 2);
        if (closeParen < 0) return false;
        string label = text[(open + 1)..closeBracket];
        string url = text[(closeBracket + 2)..closeParen].Trim();
        if (url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) url = "#";
        sb.Append(image
            ? $"<img src=\"{Escape(url)}\" alt=\"{Escape(label)}\">"
            : $"<a href=\"{Escape(url)}\">{Inline(label)}</a>");
        next = closeParen + 1;
        return true;
    }

    private static bool TryEmphasis(string text, int i, StringBuilder sb, out int next)
    {
        next = i;
        char c = text[i];
        bool strong = i + 1 < text.Length && text[i + 1] == c;
        string delim = strong ? new string(c, 2) : c.ToString();
        int start = i + delim.Length;
        if (start >= text.Length || char.IsWhiteSpace(text[start])) return false;
        // '_' inside words (snake_case) is not emphasis.
        if (c == '_' && i > 0 && char.IsLetterOrDigit(text[i - 1])) return false;
        int close = text.IndexOf(delim, start, StringComparison.Ordinal);
        if (close <= start || char.IsWhiteSpace(text[close - 1])) return false;
        if (c == '_' && close + delim.Length < text.Length && char.IsLetterOrDigit(text[close + delim.Length])) return false;
        string tag = strong ? "strong" : "em";
        sb.Append($"<{tag}>").Append(Inline(text[start..close])).Append($"</{tag}>");
        next = close + delim.Length;
        return true;
    }
}
