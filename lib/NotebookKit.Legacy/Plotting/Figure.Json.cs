using System.Text;
using System.Text.Json;

namespace NotebookKit.Plotting;

public sealed partial class Figure
{
    /// <summary>
    /// Plotly's figure JSON, <c>{"data":[...],"layout":{...}}</c>: what <c>application/vnd.plotly.v1+json</c>
    /// carries and what <c>Plotly.newPlot(div, data, layout)</c> takes. Numbers are invariant and shortest round-trip.
    /// </summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var trace in Data) trace.WriteJson(w, Layout);
            w.WriteEndArray();
            Layout.WriteJson(w, Data);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
