using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using Plotly.NET;
using static TorchSharp.torch;

namespace NotebookKit.Display;

/// <summary>
/// A Plotly figure with <c>frames</c>, a slider and a Play button: training snapshots (a 2-D distribution, a latent path,
/// decoded samples) stepped through in the notebook. Frame k holds frame k's traces; the layout (axes, title) is the
/// first frame's, so fix axis ranges (<see cref="ChartExtensions.WithXRange"/>) for a steady picture.
/// </summary>
/// <example><code>
/// Animation.FromCharts(snapshots.Select(s => RingFrame(s.Samples)), labels: snapshots.Select(s => $"step {s.Step}"))
/// Animation.FromImages(gridsPerEpoch, nrow: 10)   // each (N, 1, 28, 28) → one ImageGrid frame
/// </code></example>
[TypeFormatterSource(typeof(FormatterSource), PreferredMimeTypes = [PlotlyHtml.MimeType, "text/html", "text/plain"])]
public sealed class Animation
{
    private readonly string json;

    private Animation(JsonObject figure, int frames)
    {
        json = figure.ToJsonString();
        FrameCount = frames;
    }

    public int FrameCount { get; }

    /// <summary>The figure JSON: data (the first frame), layout with sliders and updatemenus, frames.</summary>
    public string ToJson() => json;

    /// <summary>One frame per chart; <paramref name="labels"/> name the slider steps (default 0, 1, …).</summary>
    public static Animation FromCharts(IEnumerable<GenericChart> charts, IEnumerable<string>? labels = null, int frameMs = 500, string? title = null)
    {
        var figures = charts.Select(c => JsonNode.Parse(FigureJson.Of(c))!.AsObject()).ToList();
        return Build(figures, labels, frameMs, title);
    }

    /// <summary>
    /// One frame per image batch, each tiled as <see cref="ImageGrid.From"/> does and shown as a Plotly <c>image</c>
    /// trace (the PNG as a data URI), e.g. G(zFixed) after each epoch.
    /// </summary>
    public static Animation FromImages(IEnumerable<Tensor> batches, int nrow = 8, int padding = 2, int scale = 2,
        IEnumerable<string>? labels = null, int frameMs = 500, string? title = null, (double Min, double Max)? valueRange = null)
    {
        var figures = batches.Select(b => ImageGrid.From(b, nrow: nrow, padding: padding, scale: scale, valueRange: valueRange))
            .Select(g => new JsonObject
            {
                ["data"] = new JsonArray(new JsonObject { ["type"] = "image", ["source"] = "data:image/png;base64," + Convert.ToBase64String(g.ToPng()) }),
                ["layout"] = new JsonObject
                {
                    ["width"] = g.Width + 80, ["height"] = g.Height + 200,
                    ["xaxis"] = new JsonObject { ["visible"] = false }, ["yaxis"] = new JsonObject { ["visible"] = false },
                },
            }).ToList();
        return Build(figures, labels, frameMs, title);
    }

    private static Animation Build(List<JsonObject> figures, IEnumerable<string>? labels, int frameMs, string? title)
    {
        if (figures.Count == 0) throw new ArgumentException("Animation: give at least one frame (a chart or an image batch).");
        var names = labels?.ToArray() ?? Enumerable.Range(0, figures.Count).Select(i => i.ToString()).ToArray();
        if (names.Length != figures.Count)
            throw new ArgumentException($"Animation: {names.Length} labels for {figures.Count} frames; give one label per frame.", nameof(labels));
        var frames = new JsonArray(figures.Select((f, i) => (JsonNode)new JsonObject { ["name"] = names[i], ["data"] = f["data"]!.DeepClone() }).ToArray());
        var layout = figures[0]["layout"]?.DeepClone().AsObject() ?? new JsonObject();
        if (title != null) layout["title"] = new JsonObject { ["text"] = title };
        layout["sliders"] = new JsonArray(new JsonObject
        {
            ["active"] = 0, ["pad"] = new JsonObject { ["t"] = 50 }, ["currentvalue"] = new JsonObject { ["prefix"] = "frame: " },
            ["steps"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject
            {
                ["label"] = n, ["method"] = "animate",
                ["args"] = new JsonArray(new JsonArray(n), Options(0)),
            }).ToArray()),
        });
        layout["updatemenus"] = new JsonArray(new JsonObject
        {
            ["type"] = "buttons", ["showactive"] = false, ["x"] = 0, ["y"] = 0, ["xanchor"] = "right", ["yanchor"] = "top",
            ["pad"] = new JsonObject { ["t"] = 60, ["r"] = 10 },
            ["buttons"] = new JsonArray(
                new JsonObject { ["label"] = "Play", ["method"] = "animate", ["args"] = new JsonArray(null, Options(frameMs, fromCurrent: true)) },
                new JsonObject { ["label"] = "Pause", ["method"] = "animate", ["args"] = new JsonArray(new JsonArray((JsonNode?)null), Options(0)) }),
        });
        var figure = new JsonObject { ["data"] = figures[0]["data"]!.DeepClone(), ["layout"] = layout, ["frames"] = frames };
        return new Animation(figure, figures.Count);
    }

    private static JsonObject Options(int ms, bool fromCurrent = false) => new()
    {
        ["frame"] = new JsonObject { ["duration"] = ms, ["redraw"] = true },
        ["transition"] = new JsonObject { ["duration"] = 0 },
        ["mode"] = "immediate",
        ["fromcurrent"] = fromCurrent,
    };

    public override string ToString() => FigureJson.Describe(json, "Animation");

    private sealed class FormatterSource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new TypeFormatter<Animation>(PlotlyHtml.MimeType, (a, w) => w.Write(a.json)),
            new TypeFormatter<Animation>("text/html", (a, w) => w.Write(PlotlyHtml.Render(a.json))),
            new TypeFormatter<Animation>("text/plain", (a, w) => w.Write(a.ToString())),
        ];
    }
}
