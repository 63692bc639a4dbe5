namespace NotebookKit.Interactive;

/// <summary>The CSS and the figure-drawing script that exported pages carry inline.</summary>
internal static class HtmlStyle
{
    /// <summary>A textbook column: prose in a readable measure, code in grey boxes, outputs below them.</summary>
    public const string Css = """
        :root { --fg: #1f2328; --muted: #6e7781; --line: #d0d7de; --code-bg: #f6f8fa; --accent: #0969da; }
        html { background: #fff; }
        body { margin: 0; color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
        .nbk-page { max-width: 860px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
        h1 { font-size: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.3em; }
        h2 { font-size: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25em; }
        a { color: var(--accent); }
        pre, code { font: 13.5px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .nbk-md code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        .nbk-md pre { background: var(--code-bg); padding: 0.75em 1em; border-radius: 6px; overflow-x: auto; }
        .nbk-md pre code { background: none; padding: 0; }
        .nbk-md img { max-width: 100%; }
        .nbk-md .math.display, .nbk-md div.math { display: block; overflow-x: auto; overflow-y: hidden; }
        .nbk-md table, table.nbk-index { border-collapse: collapse; margin: 1em 0; }
        .nbk-md th, .nbk-md td, .nbk-index th, .nbk-index td { border: 1px solid var(--line); padding: 0.35em 0.7em; text-align: left; vertical-align: top; }
        .nbk-md th, .nbk-index th { background: var(--code-bg); }
        .nbk-in { margin: 1.2em 0 0.3em; }
        .nbk-prompt { color: var(--muted); font: 12px ui-monospace, "DejaVu Sans Mono", monospace; margin-bottom: 0.2em; }
        .nbk-code { margin: 0; background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 0.7em 1em; overflow-x: auto; }
        .nbk-out { margin: 0.3em 0 0.8em; padding-left: 1em; border-left: 3px solid #eaeef2; overflow-x: auto; }
        .nbk-out pre { margin: 0.2em 0; white-space: pre-wrap; word-break: break-word; }
        .nbk-stderr { background: #fff5f5; padding: 0.3em 0.6em; border-radius: 4px; }
        .nbk-error { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 0.6em 0.8em; }
        .nbk-ename { color: #cf222e; font-weight: bold; }
        .nbk-image { display: block; max-width: 100%; image-rendering: pixelated; margin: 0.3em 0; }
        .nbk-figure { width: 100%; min-height: 60px; }
        .nbk-figure-error { color: #cf222e; }
        .nbk-index td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .nbk-status { font-weight: bold; }
        .nbk-status-passed, .nbk-status-ok { color: #1a7f37; }
        .nbk-status-failed, .nbk-status-error { color: #cf222e; }
        .nbk-status-skipped { color: var(--muted); }
        .nbk-results { margin: 0; padding: 0; list-style: none; font-size: 14px; }
        """;

    /// <summary>
    /// Draws every pending figure div from the JSON script beside it with the page's plotly.js; marks each div
    /// <c>data-nbk-state="drawn"</c> or <c>"error"</c> with a visible message, so one bad figure spoils only itself.
    /// </summary>
    public const string FigureScript = """
        (function () {
          function fail(div, e) {
            div.setAttribute('data-nbk-state', 'error');
            var p = document.createElement('pre');
            p.className = 'nbk-figure-error';
            p.textContent = 'Figure not drawn: ' + ((e && e.message) || e);
            div.appendChild(p);
          }
          var divs = document.querySelectorAll('div.nbk-figure[data-nbk-state="pending"]');
          for (var i = 0; i < divs.length; i++) {
            var div = divs[i];
            try {
              if (!window.Plotly || typeof window.Plotly.newPlot !== 'function') throw new Error('plotly.js is not loaded');
              var fig = JSON.parse(document.getElementById(div.id + '-json').textContent);
              var config = Object.assign({ responsive: true }, fig.config || {});
              window.Plotly.newPlot(div, { data: fig.data || [], layout: fig.layout || {}, frames: fig.frames || [], config: config }).then(
                (function (d) { return function () { d.setAttribute('data-nbk-state', 'drawn'); }; })(div),
                (function (d) { return function (e) { fail(d, e); }; })(div));
            } catch (e) {
              fail(div, e);
            }
          }
        })();

        """;
}
