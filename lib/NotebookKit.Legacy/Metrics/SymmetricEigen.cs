using NotebookKit.Tensors;

namespace NotebookKit.Metrics;

/// <summary>
/// Eigendecomposition of a real symmetric matrix, A = V·diag(λ)·Vᵀ with V orthogonal, in double precision
/// (NumPy: <c>numpy.linalg.eigh</c>, but sorted descending). Householder reduction to tridiagonal form, then the
/// implicit QL algorithm with Wilkinson-style shifts (EISPACK tred2/tql2, as in JAMA): O(n³), about a second for
/// 784×784 (the covariance of MNIST pixels). PCA and the Fréchet distance's matrix square root use it.
/// <example><code>
/// var eig = SymmetricEigen.Decompose(cov);          // cov (n, n), symmetric
/// double top = eig.Values[0]; double[] v = eig.Vector(0);
/// double[,] root = eig.Apply(Math.Sqrt);            // A^{1/2} for positive semi-definite A
/// </code></example>
/// </summary>
public sealed partial class SymmetricEigen
{
    /// <summary>Eigenvalues λ₀ ≥ λ₁ ≥ … ≥ λₙ₋₁.</summary>
    public double[] Values { get; }

    /// <summary>Eigenvectors as the columns of an orthogonal (n, n) matrix: column j belongs to <see cref="Values"/>[j].</summary>
    public double[,] Vectors { get; }

    public int Size => Values.Length;

    private SymmetricEigen(double[] values, double[,] vectors) { Values = values; Vectors = vectors; }

    /// <summary>
    /// Decomposes the symmetric matrix <paramref name="a"/> (n, n); it is not modified. Only symmetry up to
    /// <paramref name="symmetryTolerance"/> (relative to the largest entry) is checked; the lower triangle is used.
    /// </summary>
    public static SymmetricEigen Decompose(double[,] a, double symmetryTolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException($"SymmetricEigen: the matrix must be square, got {n}×{a.GetLength(1)}.", nameof(a));
        CheckSymmetric(a, symmetryTolerance);
        if (n == 0) return new SymmetricEigen([], new double[0, 0]);
        var v = new double[n][];
        for (int i = 0; i < n; i++)
        {
            v[i] = new double[n];
            for (int j = 0; j <= i; j++) v[i][j] = v[j][i] = a[i, j];
        }
        var d = new double[n];
        var e = new double[n];
        Tridiagonalize(v, d, e);
        var w = v; // now Qᵀ: the rows are the eigenvector candidates, and the QL rotations touch contiguous rows
        TridiagonalQl(w, d, e);
        return Sorted(d, w);
    }

    /// <summary>Decomposes a symmetric 2-d tensor (converted to double).</summary>
    public static SymmetricEigen Decompose(Tensor a, double symmetryTolerance = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Dim != 2) throw new ArgumentException($"SymmetricEigen: expects a square matrix, got shape {a.ShapeString}.", nameof(a));
        int r = a.Size(0), c = a.Size(1);
        var m = new double[r, c];
        var s = a.AsSpan();
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) m[i, j] = s[i * c + j];
        return Decompose(m, symmetryTolerance);
    }

    /// <summary>Eigenvector <paramref name="j"/> (unit length) as a new array.</summary>
    public double[] Vector(int j)
    {
        var x = new double[Size];
        for (int i = 0; i < x.Length; i++) x[i] = Vectors[i, j];
        return x;
    }

    /// <summary>f(A) = V·diag(f(λ))·Vᵀ, e.g. <c>Apply(Math.Sqrt)</c> for the square root of a positive semi-definite matrix,
    /// <c>Apply(l => l)</c> to reconstruct A. (Negative round-off eigenvalues reach f as they are: clamp in f if needed.)</summary>
    public double[,] Apply(Func<double, double> f)
    {
        int n = Size;
        var fl = Values.Select(f).ToArray();
        var vt = new double[n][]; // vt[k] = column k of V scaled by f(λₖ), stored as a row
        for (int k = 0; k < n; k++)
        {
            vt[k] = new double[n];
            for (int i = 0; i < n; i++) vt[k][i] = Vectors[i, k];
        }
        var result = new double[n, n];
        var row = new double[n];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(row);
            for (int k = 0; k < n; k++)
            {
                double s = vt[k][i] * fl[k];
                if (s == 0) continue;
                var vk = vt[k];
                for (int j = 0; j < n; j++) row[j] += s * vk[j];
            }
            for (int j = 0; j < n; j++) result[i, j] = row[j];
        }
        return result;
    }

    private static void CheckSymmetric(double[,] a, double tolerance)
    {
        int n = a.GetLength(0);
        double scale = 0;
        foreach (var x in a)
        {
            if (!double.IsFinite(x)) throw new ArgumentException("SymmetricEigen: the matrix has a NaN or infinite entry.", nameof(a));
            scale = Math.Max(scale, Math.Abs(x));
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                if (Math.Abs(a[i, j] - a[j, i]) > tolerance * Math.Max(scale, 1e-300))
                    throw new ArgumentException(
                        $"SymmetricEigen: the matrix is not symmetric: a[{i},{j}] = {a[i, j]} but a[{j},{i}] = {a[j, i]}. " +
                        "Symmetrise it, (A + Aᵀ)/2, or raise symmetryTolerance.", nameof(a));
    }

    // Eigenvalues descending; eigenvectors from the rows of w into the columns of the result.
    private static SymmetricEigen Sorted(double[] d, double[][] w)
    {
        int n = d.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => d[i]).ThenBy(i => i).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            values[j] = d[order[j]];
            var row = w[order[j]];
            for (int i = 0; i < n; i++) vectors[i, j] = row[i];
        }
        return new SymmetricEigen(values, vectors);
    }
}
