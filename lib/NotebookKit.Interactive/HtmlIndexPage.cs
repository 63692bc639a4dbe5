using System.Globalization;
using System.Text;

namespace NotebookKit.Interactive;

/// <summary>
/// The front page of a run of several notebooks: one table row per notebook with its status, duration, a link to
/// its exported <see cref="HtmlPage"/> and its key results. Plain HTML and CSS, no script.
/// </summary>
/// <example><code>
/// new HtmlIndexPage("NotebookKit run")
///     .Add(new HtmlIndexEntry("vae.ipynb", "passed", TimeSpan.FromSeconds(42), "vae.html", Results.All))
///     .Save("out/index.html");
/// </code></example>
public sealed class HtmlIndexPage(string title)
{
    private readonly List<HtmlIndexEntry> entries = [];

    public string Title { get; } = title ?? throw new ArgumentNullException(nameof(title));

    /// <summary>Optional HTML shown under the heading (machine, commit, date…), inserted as is.</summary>
    public string? IntroHtml { get; set; }

    public IReadOnlyList<HtmlIndexEntry> Entries => entries;

    public HtmlIndexPage Add(HtmlIndexEntry entry)
    {
        entries.Add(entry ?? throw new ArgumentNullException(nameof(entry)));
        return this;
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"NotebookKit\">\n")
          .Append("<title>").Append(HtmlText.Escape(Title)).Append("</title>\n")
          .Append("<style>\n").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n<main class=\"nbk-page\">\n")
          .Append("<h1>").Append(HtmlText.Escape(Title)).Append("</h1>\n");
        if (!string.IsNullOrEmpty(IntroHtml)) sb.Append("<div class=\"nbk-md\">").Append(IntroHtml).Append("</div>\n");
        sb.Append("<p class=\"nbk-summary\">").Append(HtmlText.Escape(Summary())).Append("</p>\n")
          .Append("<table class=\"nbk-index\">\n<thead><tr><th>notebook</th><th>status</th><th>duration</th><th>page</th><th>key results</th></tr></thead>\n<tbody>\n");
        foreach (var e in entries) AppendRow(sb, e);
        sb.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page as UTF-8, atomically (temp file beside <paramref name="path"/>, then a rename).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        HtmlText.WriteAtomically(path, ToHtml());
    }

    /// <summary>"3 notebooks: 2 passed, 1 failed; 1 min 12 s in all".</summary>
    internal string Summary()
    {
        if (entries.Count == 0) return "no notebooks";
        var counts = entries.GroupBy(e => e.Status.ToLowerInvariant()).Select(g => $"{g.Count()} {g.Key}");
        var total = entries.Aggregate(TimeSpan.Zero, (t, e) => t + e.Duration);
        var noun = entries.Count == 1 ? "notebook" : "notebooks";
        return $"{entries.Count} {noun}: {string.Join(", ", counts)}; {FormatDuration(total)} in all";
    }

    private static void AppendRow(StringBuilder sb, HtmlIndexEntry e)
    {
        var status = e.Status.ToLowerInvariant();
        var statusClass = new string(status.Where(char.IsAsciiLetterOrDigit).ToArray());
        sb.Append("<tr><td>").Append(HtmlText.Escape(e.Notebook)).Append("</td>")
          .Append("<td class=\"nbk-status nbk-status-").Append(statusClass).Append("\">").Append(HtmlText.Escape(e.Status)).Append("</td>")
          .Append("<td class=\"num\">").Append(HtmlText.Escape(FormatDuration(e.Duration))).Append("</td><td>");
        if (!string.IsNullOrEmpty(e.Link))
            sb.Append("<a href=\"").Append(HtmlText.Escape(e.Link)).Append("\">").Append(HtmlText.Escape(Path.GetFileName(e.Link))).Append("</a>");
        sb.Append("</td><td>");
        if (e.KeyResults is { Count: > 0 } results)
        {
            sb.Append("<ul class=\"nbk-results\">");
            foreach (var (name, value) in results)
                sb.Append("<li><code>").Append(HtmlText.Escape(name)).Append("</code> = ")
                  .Append(value.ToString("G6", CultureInfo.InvariantCulture)).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</td></tr>\n");
    }

    /// <summary>"850 ms", "12.3 s", "4 min 05 s", "1 h 02 min".</summary>
    internal static string FormatDuration(TimeSpan t) => t.TotalSeconds switch
    {
        < 1 => $"{t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60 => $"{t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        < 3600 => $"{(int)t.TotalMinutes} min {t.Seconds:00} s",
        _ => $"{(int)t.TotalHours} h {t.Minutes:00} min",
    };
}
