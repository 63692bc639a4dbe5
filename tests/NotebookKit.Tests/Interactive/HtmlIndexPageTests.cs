using NotebookKit.Interactive;
using NotebookKit.Tests.Data;

namespace NotebookKit.Tests.Interactive;

public class HtmlIndexPageTests
{
    private static HtmlIndexPage Sample() => new HtmlIndexPage("Run <nightly>")
        .Add(new HtmlIndexEntry("vae.ipynb", "passed", TimeSpan.FromSeconds(42.3), "pages/vae.html",
            [new("vae.test_loss", 244.91234), new("vae.kl<", 12.5)]))
        .Add(new HtmlIndexEntry("gan & co.ipynb", "failed", TimeSpan.FromSeconds(185), "gan.html?a=1&b=2"))
        .Add(new HtmlIndexEntry("ae.ipynb", "skipped", TimeSpan.FromMilliseconds(3)));

    [Fact]
    public void RowsHoldStatusDurationLinkAndResults()
    {
        var html = Sample().ToHtml();

        Assert.Contains("<title>Run &lt;nightly&gt;</title>", html);
        Assert.Contains("<td>gan &amp; co.ipynb</td>", html);
        Assert.Contains("<td class=\"nbk-status nbk-status-passed\">passed</td>", html);
        Assert.Contains("<td class=\"num\">3 min 05 s</td>", html);
        Assert.Contains("<a href=\"pages/vae.html\">vae.html</a>", html);
        Assert.Contains("href=\"gan.html?a=1&amp;b=2\"", html);
        Assert.Contains("<li><code>vae.test_loss</code> = 244.912</li>", html);
        Assert.Contains("<li><code>vae.kl&lt;</code> = 12.5</li>", html);
        Assert.Contains("3 notebooks: 1 passed, 1 failed, 1 skipped; 3 min 47 s in all", html);
        Assert.DoesNotContain("<script", html);
    }

    [Theory]
    [InlineData(0.0034, "3 ms")]
    [InlineData(12.34, "12.3 s")]
    [InlineData(245, "4 min 05 s")]
    [InlineData(3720, "1 h 02 min")]
    public void DurationsReadNaturally(double seconds, string expected) =>
        Assert.Equal(expected, HtmlIndexPage.FormatDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void SaveWritesTheFile()
    {
        using var folder = new TempFolder();
        var path = folder["out/index.html"];
        Sample().Save(path);
        Assert.Contains("vae.ipynb", File.ReadAllText(path));
        Assert.Equal("no notebooks", new HtmlIndexPage("empty").Summary());
    }
}
