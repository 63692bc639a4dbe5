namespace NotebookKit.Plotting;

/// <summary>Argument checks for the chart factories: every message names the chart and the argument.</summary>
internal static class ChartCheck
{
    /// <summary>The series' values, or a clear error if it is null, empty or has NaN/∞ (Plotly would silently drop them).</summary>
    public static double[] Values(string chart, string arg, Series series)
    {
        if (series.IsNull) throw new ArgumentNullException(arg, $"{chart}: {arg} is null.");
        var values = series.ToArrayUnsafe();
        if (values.Length == 0) throw new ArgumentException($"{chart}: {arg} is empty; a chart needs at least one point.", arg);
        Finite(chart, arg, values, i => $"index {i}");
        return values;
    }

    public static void SameLength(string chart, string argA, int a, string argB, int b)
    {
        if (a != b) throw new ArgumentException($"{chart}: {argA} has {a} values but {argB} has {b}; they must have the same length.", argB);
    }

    /// <summary>The z rows, checked to be non-empty, rectangular and finite.</summary>
    public static double[][] Matrix(string chart, Matrix2D z)
    {
        if (z.IsNull) throw new ArgumentNullException(nameof(z), $"{chart}: z is null.");
        var rows = z.RowsUnsafe;
        if (rows.Length == 0 || rows[0].Length == 0)
            throw new ArgumentException($"{chart}: z is empty ({rows.Length} rows); it needs at least one row and one column.", nameof(z));
        for (int i = 1; i < rows.Length; i++)
            if (rows[i].Length != rows[0].Length)
                throw new ArgumentException(
                    $"{chart}: z is jagged: row {i} has {rows[i].Length} values but row 0 has {rows[0].Length}; every row must have the same length.", nameof(z));
        int cols = rows[0].Length;
        Finite(chart, "z", rows.SelectMany(r => r).ToArray(), k => $"row {k / cols}, column {k % cols}");
        return rows;
    }

    /// <summary>Optional coordinates of a z grid's columns (x) or rows (y).</summary>
    public static double[]? Coordinates(string chart, string arg, Series? coords, int expected, string what)
    {
        if (coords is not { } s || s.IsNull) return null;
        var values = Values(chart, arg, s);
        if (values.Length != expected)
            throw new ArgumentException($"{chart}: {arg} has {values.Length} values but z has {expected} {what}; they must match.", arg);
        return values;
    }

    public static void Texts(string chart, string arg, IReadOnlyList<string>? texts, int points)
    {
        if (texts != null && texts.Count != points)
            throw new ArgumentException($"{chart}: {arg} has {texts.Count} entries but there are {points} points; give one per point.", arg);
    }

    public static void Opacity(string chart, double? opacity)
    {
        if (opacity is double o && !(o >= 0 && o <= 1))
            throw new ArgumentOutOfRangeException(nameof(opacity), $"{chart}: opacity must be in [0, 1]; got {o}.");
    }

    private static void Finite(string chart, string arg, double[] values, Func<int, string> where)
    {
        int first = -1, count = 0;
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
            {
                if (first < 0) first = i;
                count++;
            }
        if (count > 0)
            throw new ArgumentException(
                $"{chart}: {arg} has {count} non-finite value{(count == 1 ? "" : "s")} (NaN or ±∞) of {values.Length}, the first at {where(first)} ({values[first]}). " +
                "Plotly would silently drop them; fix the computation (a diverged loss?) or filter them out explicitly.", arg);
    }
}
