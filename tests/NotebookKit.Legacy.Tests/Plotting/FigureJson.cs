using System.Text.Json;
using NotebookKit.Plotting;

namespace NotebookKit.Tests.Plotting;

/// <summary>Parses a figure's JSON so tests assert on what plotly.js receives.</summary>
internal static class FigureJson
{
    public static JsonElement Parse(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement.Clone();

    public static JsonElement Trace(Figure figure, int index = 0) => Parse(figure).GetProperty("data")[index];

    public static JsonElement Layout(Figure figure) => Parse(figure).GetProperty("layout");

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string? Str(JsonElement e, params string[] path)
    {
        foreach (var p in path)
            if (!e.TryGetProperty(p, out e)) return null;
        return e.GetString();
    }
}
