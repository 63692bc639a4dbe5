using System.Globalization;
using System.Text.Json;

namespace NotebookKit.Plotting;

/// <summary>
/// A continuous colour scale for heat maps, contours and surfaces: one of Plotly's named scales
/// (<see cref="Viridis"/>, <see cref="RdBu"/>, ... or <see cref="Named"/>) or a custom list of
/// <c>(position in [0, 1], colour)</c> stops. A string converts implicitly: <c>colorscale: "Hot"</c>.
/// </summary>
public sealed class Colorscale
{
    private readonly string? name;
    private readonly (double Position, string Color)[]? stops;

    private Colorscale(string? name, (double, string)[]? stops) { this.name = name; this.stops = stops; }

    public static Colorscale Viridis { get; } = new("Viridis", null);
    public static Colorscale Cividis { get; } = new("Cividis", null);
    public static Colorscale Greys { get; } = new("Greys", null);
    public static Colorscale Blues { get; } = new("Blues", null);
    public static Colorscale Hot { get; } = new("Hot", null);
    public static Colorscale Jet { get; } = new("Jet", null);
    public static Colorscale Portland { get; } = new("Portland", null);
    /// <summary>Diverging red–white–blue: for signed values (weights, gradients) centred on 0.</summary>
    public static Colorscale RdBu { get; } = new("RdBu", null);

    /// <summary>Any of Plotly's named scales (case as in Plotly's docs, e.g. "YlGnBu", "Electric").</summary>
    public static Colorscale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name, null);
    }

    /// <summary>A custom scale; positions rise from 0 to 1.</summary>
    public static Colorscale Custom(params (double Position, string Color)[] stops)
    {
        if (stops == null || stops.Length < 2)
            throw new ArgumentException("Colorscale.Custom: give at least two (position, colour) stops, from 0 to 1.");
        if (stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException($"Colorscale.Custom: stops must start at 0 and end at 1; got {stops[0].Position} … {stops[^1].Position}.");
        for (int i = 1; i < stops.Length; i++)
            if (stops[i].Position < stops[i - 1].Position)
                throw new ArgumentException($"Colorscale.Custom: positions must rise; stop {i} ({stops[i].Position}) is below stop {i - 1}.");
        return new(null, ((double, string)[])stops.Clone());
    }

    public static implicit operator Colorscale(string name) => Named(name);

    internal void Write(Utf8JsonWriter w)
    {
        if (name != null) { w.WriteStringValue(name); return; }
        w.WriteStartArray();
        foreach (var (p, c) in stops!)
        {
            w.WriteStartArray();
            w.WriteNumberValue(p);
            w.WriteStringValue(c);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    public override string ToString() =>
        name ?? string.Join(", ", stops!.Select(s => $"{s.Position.ToString(CultureInfo.InvariantCulture)} {s.Color}"));
}
