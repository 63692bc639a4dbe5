namespace NotebookKit.Plotting;

/// <summary>A line's dash pattern (Plotly's <c>line.dash</c>).</summary>
public enum LineDash
{
    Solid,
    Dot,
    Dash,
    LongDash,
    DashDot,
    LongDashDot,
}
