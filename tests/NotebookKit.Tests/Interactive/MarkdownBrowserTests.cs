using System.Text.RegularExpressions;
using NotebookKit.Interactive;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Interactive;

/// <summary>
/// Markdown cells with TeX in every place the notebooks put it, exported and opened offline in headless Chromium: the
/// page's embedded MathJax must typeset each formula (an <c>mjx-container</c> with its SVG), <c>$$…$$</c> as display
/// math, subscripts as subscripts (so no '_' was taken for emphasis), and nothing inside code. One formula is broken
/// on purpose, so the error count shows that a bad formula would be seen.
/// </summary>
public class MarkdownBrowserTests
{
    /// <summary>Waits for MathJax's first typesetting (its startup promise), then counts formulas as MathJax left them.</summary>
    private const string CheckScript = """
        <script>
        window.addEventListener('load', function () {
          var b = document.body;
          function report() {
            var maths = document.querySelectorAll('.math'), typeset = 0, display = 0;
            for (var i = 0; i < maths.length; i++) {
              var c = maths[i].querySelector('mjx-container');
              if (c && c.querySelector('svg')) typeset++;
              if (c && c.getAttribute('display') === 'true') display++;
            }
            b.setAttribute('data-math', maths.length + '/' + typeset);
            b.setAttribute('data-display', display);
            b.setAttribute('data-errors', document.querySelectorAll('[data-mml-node="merror"]').length);
            b.setAttribute('data-subscripts', document.querySelectorAll('[data-mml-node="msub"]').length);
            b.setAttribute('data-typeset-code', document.querySelectorAll('code mjx-container').length);
            b.setAttribute('data-done', 'typeset');
          }
          if (!window.MathJax || !MathJax.startup || !MathJax.startup.promise) { b.setAttribute('data-done', 'no MathJax'); return; }
          MathJax.startup.promise.then(report, function (e) { b.setAttribute('data-done', 'failed: ' + e); });
        });
        </script>
        """;

    [RequiresBrowserFact]
    public void EveryFormulaIsTypesetByTheEmbeddedMathJax()
    {
        var page = new HtmlPage("formulas");
        foreach (var cell in new[]
                 {
                     "## The ELBO\n\nFor $x_i * y_j$ with $a < b$, the bound\n$$\\log p(x) \\ge\n\\mathbb{E}_q[\\log p(x \\mid z)] - \\mathrm{KL}(q \\,\\|\\, p)$$",
                     "$$\n\\sum_{i=1}^{N} \\mu_i^2\n$$",
                     "| term | formula |\n| --- | --- |\n| norm | $\\lvert z_k \\rvert$ |",
                     "In code `$not_math$` stays text; a broken one: $\\frac{1}$.",
                 })
            page.AddMarkdownHtml(Markdown.ToHtml(cell));

        var check = BrowserPage.Open(page, CheckScript, virtualTimeMs: 10_000);

        Assert.Equal("typeset", check.Data("done"));
        Assert.Equal("6/6", check.Data("math"));   // x_i*y_j, a<b, the bound, the sum, |z_k|, the broken one
        Assert.Equal("2", check.Data("display"));  // the bound and the sum
        Assert.Equal("1", check.Data("errors"));   // only \frac{1}: "Missing argument for \frac"
        Assert.True(int.Parse(check.Data("subscripts")!) >= 4, check.Body); // x_i, y_j, z_k, \mu_i at least
        Assert.Equal("0", check.Data("typeset-code"));
        Assert.Matches("<code>\\$not_math\\$</code>", check.Dom);
        Assert.DoesNotMatch("<em>|<strong>", Regex.Replace(check.Dom, "<script.*?</script>", "", RegexOptions.Singleline));
    }
}
