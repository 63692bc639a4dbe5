namespace NotebookKit.Plotting;

public static partial class Chart
{
    /// <summary>
    /// A heat map of <paramref name="z"/>: <c>z[i, j]</c> is drawn at <c>(x[j], y[i])</c>; x and y default to
    /// column and row indices (so an image is upside down unless you reverse the y axis range).
    /// </summary>
    /// <example><code>Chart.Heatmap(weights, colorscale: Colorscale.RdBu, zmin: -1, zmax: 1)</code></example>
    public static Figure Heatmap(Matrix2D z, Series? x = null, Series? y = null, Colorscale? colorscale = null, string? name = null,
        bool showScale = true, double? zmin = null, double? zmax = null)
    {
        var (zs, xs, ys) = ZGrid("Chart.Heatmap", z, x, y, zmin, zmax);
        return new Figure([new HeatmapTrace { Z = zs, X = xs, Y = ys, Colorscale = colorscale, Name = name, ShowScale = showScale, ZMin = zmin, ZMax = zmax }]);
    }

    /// <summary>
    /// Contour lines (filled by default) of <paramref name="z"/> over the grid x × y, e.g. a loss surface; overlay an
    /// optimisation path with <c>Chart.Combine(contour, Chart.Line(px, py, showMarkers: true))</c>.
    /// <paramref name="ncontours"/> caps the number of levels; <paramref name="showLabels"/> prints each level's value on
    /// its line; <c>filled: false</c> draws coloured lines only, so overlaid traces stay readable.
    /// </summary>
    public static Figure Contour(Matrix2D z, Series? x = null, Series? y = null, Colorscale? colorscale = null, string? name = null,
        int? ncontours = null, bool showLabels = false, bool filled = true, bool showScale = true, double? zmin = null, double? zmax = null)
    {
        const string chart = "Chart.Contour";
        var (zs, xs, ys) = ZGrid(chart, z, x, y, zmin, zmax);
        if (ncontours is int n && n < 1) throw new ArgumentOutOfRangeException(nameof(ncontours), $"{chart}: ncontours must be at least 1; got {n}.");
        return new Figure([new ContourTrace
        {
            Z = zs, X = xs, Y = ys, Colorscale = colorscale, Name = name, NContours = ncontours, ShowLabels = showLabels,
            Filled = filled, ShowScale = showScale, ZMin = zmin, ZMax = zmax,
        }]);
    }

    /// <summary>z as a height field over x × y in a rotatable 3-d scene.</summary>
    public static Figure Surface(Matrix2D z, Series? x = null, Series? y = null, Colorscale? colorscale = null, string? name = null,
        bool showScale = true, double? zmin = null, double? zmax = null)
    {
        var (zs, xs, ys) = ZGrid("Chart.Surface", z, x, y, zmin, zmax);
        return new Figure([new SurfaceTrace { Z = zs, X = xs, Y = ys, Colorscale = colorscale, Name = name, ShowScale = showScale, ZMin = zmin, ZMax = zmax }]);
    }

    private static (double[][] Z, double[]? X, double[]? Y) ZGrid(string chart, Matrix2D z, Series? x, Series? y, double? zmin, double? zmax)
    {
        var zs = ChartCheck.Matrix(chart, z);
        var xs = ChartCheck.Coordinates(chart, "x", x, zs[0].Length, "columns");
        var ys = ChartCheck.Coordinates(chart, "y", y, zs.Length, "rows");
        if (zmin is double lo && zmax is double hi && !(lo < hi))
            throw new ArgumentException($"{chart}: zmin ({lo}) must be below zmax ({hi}).", nameof(zmin));
        return (zs, xs, ys);
    }
}
