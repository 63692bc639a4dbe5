using System.Text;
using System.Text.RegularExpressions;

namespace NotebookKit.Interactive;

/// <summary>Escaping and file helpers shared by the HTML exporters.</summary>
internal static partial class HtmlText
{
    /// <summary>Escapes text for element content and double- or single-quoted attributes.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>Removes ANSI escape sequences (colours, cursor moves, OSC titles) as tracebacks carry them.</summary>
    public static string StripAnsi(string text) => AnsiPattern().Replace(text, "");

    // CSI: ESC [ params intermediates final; OSC: ESC ] ... (BEL | ESC \); other two-byte escapes.
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)|\x1B[@-Z\\-_]")]
    private static partial Regex AnsiPattern();

    /// <summary>
    /// JSON text made safe inside <c>&lt;script type="application/json"&gt;</c>: a <c>&lt;</c> can only occur inside a JSON
    /// string, where <c>\u003c</c> means the same, so no <c>&lt;/script</c> or <c>&lt;!--</c> survives.
    /// </summary>
    public static string JsonForScript(string json) => json.Replace("<", "\\u003c");

    /// <summary>
    /// JavaScript source made safe inside <c>&lt;script&gt;</c>: <c>&lt;/script</c> becomes <c>&lt;\/script</c> and <c>&lt;!--</c>
    /// becomes <c>\x3C!--</c>; both mean the same in string literals, regular expressions and comments, where alone they can occur.
    /// </summary>
    public static string ScriptForScript(string js)
    {
        js = ClosingScript().Replace(js, m => "<\\/" + m.Value[2..]);
        return js.Replace("<!--", "\\x3C!--");
    }

    [GeneratedRegex("</script", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingScript();

    /// <summary>Writes <paramref name="text"/> as UTF-8 to a temp file beside <paramref name="path"/>, then renames it into place.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            File.WriteAllText(tmp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
