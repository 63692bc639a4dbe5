
namespace NotebookKit.Plotting;

public static partial class Chart
{
    /// <summary>
    /// Overlays the traces of several figures on the same axes (e.g. train and test loss, or a contour with a path).
    /// The layout is merged: the first figure that sets a title or axis style wins. Histograms only are overlaid
    /// (<c>barmode = "overlay"</c>) rather than grouped.
    /// </summary>
    public static Figure Combine(params Figure[] figures) => Combine((IEnumerable<Figure>)figures);

    /// <inheritdoc cref="Combine(Figure[])"/>
    public static Figure Combine(IEnumerable<Figure> figures)
    {
        if (figures == null) throw new ArgumentNullException(nameof(figures), "Chart.Combine: figures is null.");
        var list = figures.ToList();
        if (list.Count == 0) throw new ArgumentException("Chart.Combine: no figures given.", nameof(figures));
        int nullAt = list.IndexOf(null!);
        if (nullAt >= 0) throw new ArgumentNullException(nameof(figures), $"Chart.Combine: figure {nullAt} is null.");
        var layout = list.Skip(1).Aggregate(list[0].Layout, (acc, f) => acc.Merge(f.Layout));
        var traces = list.SelectMany(f => f.Data).ToList();
        if (layout.BarMode == null && traces.Count > 1 && traces.All(t => t is HistogramTrace)) layout = layout with { BarMode = "overlay" };
        return new Figure(traces, layout);
    }

    /// <summary>
    /// Subplots: figure k (row-major, from the top left) goes into cell k of a <paramref name="rows"/> ×
    /// <paramref name="cols"/> grid with its own axes (x2/y2, ... anchored to each other, or scene2 for a surface),
    /// keeping its axis styles; its title becomes the cell's title. A null figure leaves a cell empty. Set the
    /// whole figure's title and size on the result.
    /// </summary>
    /// <example><code>Chart.Grid(1, 2, lossChart, latentChart).WithSize(900, 400)</code></example>
    public static Figure Grid(int rows, int cols, params Figure?[] figures)
    {
        const string chart = "Chart.Grid";
        if (rows < 1 || cols < 1) throw new ArgumentOutOfRangeException(nameof(rows), $"{chart}: rows and cols must be at least 1; got {rows} × {cols}.");
        if (figures == null) throw new ArgumentNullException(nameof(figures), $"{chart}: figures is null.");
        if (figures.Length > rows * cols)
            throw new ArgumentException($"{chart}: {figures.Length} figures do not fit in {rows} × {cols} = {rows * cols} cells; add rows or columns.", nameof(figures));
        for (int k = 0; k < figures.Length; k++)
            if (figures[k] is { } f && (f.Layout.Grid != null || f.Data.Any(t => t.Subplot != 1)))
                throw new ArgumentException($"{chart}: figure {k} is already a grid; nest by listing its charts directly.", nameof(figures));

        const double gapX = 0.08, gapY = 0.12;
        double w = (1 - gapX * (cols - 1)) / cols, h = (1 - gapY * (rows - 1)) / rows;
        var layout = new Layout { Grid = (rows, cols) };
        var traces = new List<Trace>();
        for (int k = 0; k < rows * cols; k++)
        {
            int r = k / cols, c = k % cols, subplot = k + 1;
            var (x0, y1) = (Round(c * (w + gapX)), Round(1 - r * (h + gapY)));
            var (x1, y0) = (Round(x0 + w), Round(y1 - h));
            var fig = k < figures.Length ? figures[k] : null;
            var sub = fig?.Layout ?? new Layout();
            layout = layout.WithXAxis(subplot, sub.XAxis(1) with { Domain = (x0, x1) })
                           .WithYAxis(subplot, sub.YAxis(1) with { Domain = (y0, y1) });
            if (fig == null) continue;
            if (sub.Title != null) layout = layout with { Annotations = layout.Annotations.Add(new Annotation(sub.Title, Round((x0 + x1) / 2), y1)) };
            if (sub.BarMode != null) layout = layout with { BarMode = layout.BarMode ?? sub.BarMode };
            if (sub.ShowLegend == false) layout = layout with { ShowLegend = false };
            traces.AddRange(fig.Data.Select(t => t with { Subplot = subplot }));
        }
        return new Figure(traces, layout);
    }

    private static double Round(double v) => Math.Round(v, 6);
}
