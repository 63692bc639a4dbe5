namespace NotebookKit.Plotting;

/// <summary>
/// The <c>text/html</c> form of a figure: a div and a script that draws it with plotly.js. It uses
/// <c>window.Plotly</c> when a page already has it (NotebookKit's exported pages embed plotly.js once), else
/// require.js inside the classic Jupyter Notebook — where the kernelspec's <c>kernel.js</c> has already pointed the
/// <c>plotly</c> module at the copy installed beside it, so charts draw offline; the CDN only when nothing has —
/// else a script tag from the CDN.
/// </summary>
internal static class PlotlyHtml
{
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";
    public const string CdnUrl = "https://cdn.plot.ly/plotly-2.35.2.min.js";

    /// <summary>The div and script; <paramref name="divId"/> defaults to a fresh unique id.</summary>
    public static string Render(Figure figure, string? divId = null)
    {
        var id = divId ?? "plotly-" + Guid.NewGuid().ToString("N")[..12];
        // Utf8JsonWriter's default encoder escapes <, > and &, so the JSON cannot close the script element.
        var json = figure.ToJson();
        var height = figure.Layout.Height is int h ? $"height:{h}px;" : "";
        var width = figure.Layout.Width is int w ? $"width:{w}px;" : "width:100%;";
        return $$"""
            <div id="{{id}}" class="nbkit-plotly" style="{{width}}{{height}}"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              var draw = function (Plotly) { Plotly.newPlot("{{id}}", figure.data, figure.layout, {responsive: true}); };
              if (window.Plotly) { draw(window.Plotly); }
              else if (typeof window.require === "function" && typeof window.require.config === "function") {
                var context = window.require.s && window.require.s.contexts && window.require.s.contexts._;
                if (!(context && context.config.paths && context.config.paths.plotly))
                  window.require.config({ paths: { plotly: "{{CdnUrl[..^3]}}" } });
                window.require(["plotly"], draw);
              } else {
                // One script tag per page, however many figures wait for it.
                window.nbkitPlotlyLoading = window.nbkitPlotlyLoading || new Promise(function (resolve) {
                  var script = document.createElement("script");
                  script.src = "{{CdnUrl}}";
                  script.onload = function () { resolve(window.Plotly); };
                  document.head.appendChild(script);
                });
                window.nbkitPlotlyLoading.then(draw);
              }
            })();
            </script>
            """;
    }
}
