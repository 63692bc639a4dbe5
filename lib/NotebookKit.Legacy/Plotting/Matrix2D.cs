using NotebookKit.Tensors;

namespace NotebookKit.Plotting;

/// <summary>
/// The z grid of a heat map, contour or surface: <c>z[i, j]</c> is the value at <c>(x[j], y[i])</c> (rows go
/// along y, Plotly's and matplotlib's convention). <c>double[,]</c>, <c>float[,]</c>, <c>double[][]</c>,
/// <c>float[][]</c> and 2-d <see cref="Tensor"/>s convert implicitly; the chart checks that rows are non-empty and
/// of equal length.
/// </summary>
public readonly struct Matrix2D
{
    private readonly double[][]? rows;

    private Matrix2D(double[][]? rows) => this.rows = rows;

    public bool IsNull => rows == null;

    /// <summary>Number of rows (along y).</summary>
    public int Rows => rows?.Length ?? 0;

    /// <summary>The rows (possibly jagged until the chart has checked them).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Values => rows ?? [];

    internal double[][] RowsUnsafe => rows ?? [];

    public static implicit operator Matrix2D(double[,]? z) => z == null ? new(null) : new(FromRect(z.GetLength(0), z.GetLength(1), (i, j) => z[i, j]));
    public static implicit operator Matrix2D(float[,]? z) => z == null ? new(null) : new(FromRect(z.GetLength(0), z.GetLength(1), (i, j) => Series.Widen(z[i, j])));
    public static implicit operator Matrix2D(double[][]? z) => new(z?.Select(r => (double[])r?.Clone()! ?? []).ToArray());
    public static implicit operator Matrix2D(float[][]? z) => new(z?.Select(r => r == null ? [] : Array.ConvertAll(r, Series.Widen)).ToArray());

    /// <summary>A 2-d tensor (rows, cols).</summary>
    public static implicit operator Matrix2D(Tensor? tensor)
    {
        if (tensor == null) return new(null);
        var shape = tensor.Shape;
        if (shape.Length != 2)
            throw new ArgumentException($"A chart z grid needs a 2-d tensor (rows, cols); got shape ({string.Join(", ", shape)}).");
        var data = tensor.ToArray();
        return new(FromRect(shape[0], shape[1], (i, j) => Series.Widen(data[i * shape[1] + j])));
    }

    private static double[][] FromRect(int n, int m, Func<int, int, double> at)
    {
        var result = new double[n][];
        for (int i = 0; i < n; i++)
        {
            result[i] = new double[m];
            for (int j = 0; j < m; j++) result[i][j] = at(i, j);
        }
        return result;
    }
}
