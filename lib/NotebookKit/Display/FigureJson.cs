using System.Runtime.CompilerServices;
using System.Text.Json;
using Plotly.NET;

namespace NotebookKit.Display;

/// <summary>
/// A chart's figure JSON (<c>{"data": [...], "layout": {...}}</c>) from Plotly.NET's own serializer, computed once per
/// chart object: <c>GenericChart.toFigureJson</c> costs ~0.4 s even for a three-point line (its default template is
/// serialized with it), and one display asks for it twice (<c>application/vnd.plotly.v1+json</c> and <c>text/html</c>).
/// Charts are immutable, so the cache can never go stale; it holds no chart alive.
/// </summary>
internal static class FigureJson
{
    private static readonly ConditionalWeakTable<GenericChart, string> Cache = new();

    public static string Of(GenericChart chart) => Cache.GetValue(chart, c => GenericChart.toFigureJson(c));

    /// <summary>E.g. <c>Chart "VAE loss" with 2 traces</c>: the title (layout.title.text) and the trace count.</summary>
    public static string Describe(string json, string kind = "Chart")
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        int traces = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.GetArrayLength() : 0;
        var title = Title(root);
        int frames = root.TryGetProperty("frames", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0;
        return $"{kind}{(title != null ? $" \"{title}\"" : "")} with {traces} {(traces == 1 ? "trace" : "traces")}" +
               (frames > 0 ? $" and {frames} frames" : "");
    }

    private static string? Title(JsonElement root)
    {
        if (!root.TryGetProperty("layout", out var layout) || !layout.TryGetProperty("title", out var title)) return null;
        if (title.ValueKind == JsonValueKind.String) return title.GetString();
        return title.ValueKind == JsonValueKind.Object && title.TryGetProperty("text", out var text) ? text.GetString() : null;
    }
}
