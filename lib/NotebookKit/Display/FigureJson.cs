using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Plotly.NET;

namespace NotebookKit.Display;

/// <summary>
/// A chart's figure JSON (<c>{"data": [...], "layout": {...}}</c>) from Plotly.NET's own serializer, computed once per
/// chart object: <c>GenericChart.toFigureJson</c> costs ~0.4 s even for a three-point line (its default template is
/// serialized with it), and one display asks for it twice (<c>application/vnd.plotly.v1+json</c> and <c>text/html</c>).
/// Charts are immutable, so the cache can never go stale; it holds no chart alive. The numbers in arrays (the traces'
/// x, y, z, axis ranges) are rounded to <see cref="SignificantDigits"/>: Plotly.NET writes every double in full, so a
/// 100×60 contour grid took ~160 kB where 6 digits — 10⁻⁶ of the value, far below a pixel — take a third of it.
/// </summary>
internal static class FigureJson
{
    /// <summary>Significant digits kept in array numbers: 0.30000000000000004 → 0.3, 1.2345678e-7 → 1.23457e-7.</summary>
    public const int SignificantDigits = 6;

    private static readonly ConditionalWeakTable<GenericChart, string> Cache = new();

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(GenericChart chart) => Cache.GetValue(chart, c => RoundArrays(GenericChart.toFigureJson(c)));

    /// <summary>
    /// <paramref name="json"/> with every non-integer number inside an array rounded to <see cref="SignificantDigits"/>;
    /// numbers outside arrays (line widths, sizes, opacities) and integers are written as they were.
    /// </summary>
    internal static string RoundArrays(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Relaxed))
        {
            var inArray = new Stack<bool>();
            while (reader.Read())
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: inArray.Push(false); w.WriteStartObject(); break;
                    case JsonTokenType.StartArray: inArray.Push(true); w.WriteStartArray(); break;
                    case JsonTokenType.EndObject: inArray.Pop(); w.WriteEndObject(); break;
                    case JsonTokenType.EndArray: inArray.Pop(); w.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: w.WritePropertyName(reader.GetString()!); break;
                    case JsonTokenType.String: w.WriteStringValue(reader.GetString()); break;
                    case JsonTokenType.True or JsonTokenType.False: w.WriteBooleanValue(reader.GetBoolean()); break;
                    case JsonTokenType.Null: w.WriteNullValue(); break;
                    case JsonTokenType.Number when inArray.Count > 0 && inArray.Peek() && !reader.TryGetInt64(out _):
                        w.WriteNumberValue(Round(reader.GetDouble())); break;
                    case JsonTokenType.Number: w.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                }
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary><paramref name="v"/> to <see cref="SignificantDigits"/> significant digits (the nearest such decimal).</summary>
    internal static double Round(double v) =>
        double.Parse(v.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

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
