using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>A text label placed in figure (paper) coordinates, 0…1 across and up; <see cref="Chart.Grid"/> uses them for subplot titles.</summary>
public sealed record Annotation(string Text, double X, double Y)
{
    internal void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("text", Text);
        w.WriteNumber("x", X);
        w.WriteNumber("y", Y);
        w.WriteString("xref", "paper");
        w.WriteString("yref", "paper");
        w.WriteString("xanchor", "center");
        w.WriteString("yanchor", "bottom");
        w.WriteBoolean("showarrow", false);
        w.WriteStartObject("font");
        w.WriteNumber("size", 14);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
