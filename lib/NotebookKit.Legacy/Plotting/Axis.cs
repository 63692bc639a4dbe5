using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>
/// Style of one axis (Plotly's <c>layout.xaxis</c>, <c>layout.yaxis2</c>, ...). Null fields are left to Plotly.
/// <see cref="Range"/> is in data units, also on a log axis (the JSON gets Plotly's log10 units).
/// </summary>
public sealed record Axis
{
    public static Axis Empty { get; } = new();

    public string? Title { get; init; }

    /// <summary>True: logarithmic (<c>type = "log"</c>); false: linear; null: Plotly's guess.</summary>
    public bool? Log { get; init; }

    /// <summary>Visible data range, in data units.</summary>
    public (double Min, double Max)? Range { get; init; }

    /// <summary>The fraction of the figure the axis spans (set by <see cref="Chart.Grid"/>).</summary>
    public (double Start, double End)? Domain { get; init; }

    public bool IsEmpty => this == Empty;

    /// <summary>This axis, with fields it leaves unset taken from <paramref name="other"/>.</summary>
    public Axis Merge(Axis other) => new()
    {
        Title = Title ?? other.Title,
        Log = Log ?? other.Log,
        Range = Range ?? other.Range,
        Domain = Domain ?? other.Domain,
    };

    internal void WriteJson(Utf8JsonWriter w, string property, string? anchor)
    {
        w.WriteStartObject(property);
        JsonOut.Title(w, Title);
        if (Log is bool log) w.WriteString("type", log ? "log" : "linear");
        if (Range is var (min, max))
        {
            if (Log == true) JsonOut.Pair(w, "range", Math.Log10(min), Math.Log10(max));
            else JsonOut.Pair(w, "range", min, max);
        }
        if (Domain is var (start, end)) JsonOut.Pair(w, "domain", start, end);
        if (anchor != null) w.WriteString("anchor", anchor);
        w.WriteEndObject();
    }
}
