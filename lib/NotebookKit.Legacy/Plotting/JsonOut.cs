using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>Small Utf8JsonWriter helpers shared by the traces and the layout (numbers are shortest round-trip, invariant).</summary>
internal static class JsonOut
{
    public static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static void Pair(Utf8JsonWriter w, string name, double a, double b)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(a);
        w.WriteNumberValue(b);
        w.WriteEndArray();
    }

    public static void Title(Utf8JsonWriter w, string? text)
    {
        if (text == null) return;
        w.WriteStartObject("title");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>Plotly's axis/scene id: "x", "x2", ... for subplot 1, 2, ...</summary>
    public static string Id(string prefix, int subplot) => subplot == 1 ? prefix : prefix + subplot;
}
