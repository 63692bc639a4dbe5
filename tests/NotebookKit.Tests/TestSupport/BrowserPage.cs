using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Tests.Data;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// An exported page opened offline in headless Chromium with a test's script added before <c>&lt;/body&gt;</c>: the
/// script writes what it found as attributes of <c>&lt;body&gt;</c>, which <c>--dump-dom</c> shows.
/// </summary>
internal static class BrowserPage
{
    /// <summary>The <c>&lt;body …&gt;</c> start tag after the scripts ran, and the whole DOM.</summary>
    public sealed record Result(string Body, string Dom)
    {
        /// <summary>The body attribute <c>data-<paramref name="name"/></c>, or null when the script did not set it.</summary>
        public string? Data(string name) => Regex.Match(Body, $"data-{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;
    }

    public static Result Open(HtmlPage page, string script, int virtualTimeMs = 5000)
    {
        using var folder = new TempFolder();
        var path = folder["page.html"];
        var html = page.ToHtml();
        int end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        File.WriteAllText(path, html[..end] + script + html[end..]);

        var dom = HeadlessChromium.DumpDom(path, virtualTimeMs);
        var body = Regex.Match(dom, "<body[^>]*>");
        Assert.True(body.Success, "no <body> in Chromium's --dump-dom output:\n" + dom[..Math.Min(dom.Length, 2000)]);
        return new Result(body.Value, dom);
    }
}
