namespace NotebookKit.Plotting;

/// <summary>How a scatter trace draws its points (Plotly's <c>mode</c>).</summary>
public enum ScatterMode
{
    /// <summary><c>"lines"</c></summary>
    Lines,
    /// <summary><c>"markers"</c></summary>
    Markers,
    /// <summary><c>"lines+markers"</c></summary>
    LinesMarkers,
    /// <summary><c>"text"</c></summary>
    Text,
    /// <summary><c>"markers+text"</c></summary>
    MarkersText,
}
