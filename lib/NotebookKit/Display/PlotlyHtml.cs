namespace NotebookKit.Display;

/// <summary>
/// The <c>text/html</c> form of a figure: a div and a script that draw it with a plotly.js the page already has, and
/// never reach the network. It uses <c>window.Plotly</c> (pages NotebookKit exports embed plotly.js once; .NET
/// Interactive loads it), else require.js's <c>plotly</c> module when the page configured one (the classic Notebook,
/// where the kernelspec's <c>kernel.js</c> points it at the copy installed beside it); otherwise it says, in the div, that
/// the <c>application/vnd.plotly.v1+json</c> output is the one to show (JupyterLab and VS Code draw that natively).
/// </summary>
internal static class PlotlyHtml
{
    public const string MimeType = "application/vnd.plotly.v1+json";

    /// <summary>The div and its script for <paramref name="figureJson"/> (data, layout and, for animations, frames).</summary>
    public static string Render(string figureJson)
    {
        var id = "nbkit-plotly-" + Guid.NewGuid().ToString("N")[..12];
        // The JSON goes into a script element: "</" must not end it early.
        var json = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div id="{{id}}" class="nbkit-plotly"></div>
            <script type="text/javascript">
            (function () {
              var fig = {{json}};
              var div = document.getElementById("{{id}}");
              var draw = function (Plotly) {
                Plotly.newPlot(div, { data: fig.data || [], layout: fig.layout || {}, frames: fig.frames || [], config: { responsive: true } });
              };
              var ctx = window.require && window.require.s && window.require.s.contexts && window.require.s.contexts._;
              if (window.Plotly) draw(window.Plotly);
              else if (ctx && ctx.config && ctx.config.paths && ctx.config.paths.plotly) window.require(["plotly"], draw);
              else div.textContent = "plotly.js is not loaded in this page; show the application/vnd.plotly.v1+json output instead (JupyterLab, VS Code).";
            })();
            </script>
            """;
    }
}
