using System.Numerics;

namespace NotebookKit.Metrics;

// The two stages of EISPACK's tred2/tql2 (Bowdler, Martin, Reinsch &amp; Wilkinson, 1968), in the form of JAMA's
// EigenvalueDecomposition (public domain).
public sealed partial class SymmetricEigen
{
    /// <summary>
    /// Householder reduction: on entry u holds the symmetric matrix; on exit u is Qᵀ for the orthogonal Q with
    /// A = Q·T·Qᵀ, d the diagonal of the tridiagonal T and e its sub-diagonal in e[1..n−1]. This is tred2 with every
    /// V[a][b] read as u[b][a]: the inner loops then run along rows (contiguous memory) instead of down columns.
    /// </summary>
    private static void Tridiagonalize(double[][] u, double[] d, double[] e)
    {
        int n = d.Length;
        for (int j = 0; j < n; j++) d[j] = u[j][n - 1];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0, h = 0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]); // scaling avoids under/overflow
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) { d[j] = u[j][i - 1]; u[j][i] = 0; u[i][j] = 0; }
            }
            else
            {
                // Householder vector x = d / scale − g·e_{i−1} (kept in d), H = I − x·xᵀ/h.
                for (int k = 0; k < i; k++) { d[k] /= scale; h += d[k] * d[k]; }
                double f = d[i - 1];
                double g = f > 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0;
                // p = A·x / h (in e), from the stored triangle; then K = xᵀp / 2h and q = p − K·x.
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    u[i][j] = f;
                    int len = i - 1 - j;
                    var row = u[j].AsSpan(j + 1, len);
                    e[j] += u[j][j] * f + Dot(row, d.AsSpan(j + 1, len));
                    Axpy(f, row, e.AsSpan(j + 1, len));
                }
                f = 0;
                for (int j = 0; j < i; j++) { e[j] /= h; f += e[j] * d[j]; }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                // A ← A − x·qᵀ − q·xᵀ on the stored triangle.
                for (int j = 0; j < i; j++)
                {
                    f = d[j]; g = e[j];
                    var row = u[j].AsSpan(j, i - j);
                    Axpy(-f, e.AsSpan(j, i - j), row);
                    Axpy(-g, d.AsSpan(j, i - j), row);
                    d[j] = u[j][i - 1];
                    u[j][i] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations into Q.
        for (int i = 0; i < n - 1; i++)
        {
            u[i][n - 1] = u[i][i];
            u[i][i] = 1;
            double h = d[i + 1];
            if (h != 0)
            {
                for (int k = 0; k <= i; k++) d[k] = u[i + 1][k] / h;
                var x = u[i + 1].AsSpan(0, i + 1);
                for (int j = 0; j <= i; j++)
                {
                    var row = u[j].AsSpan(0, i + 1);
                    Axpy(-Dot(x, row), d.AsSpan(0, i + 1), row);
                }
            }
            for (int k = 0; k <= i; k++) u[i + 1][k] = 0;
        }
        for (int j = 0; j < n; j++) { d[j] = u[j][n - 1]; u[j][n - 1] = 0; }
        u[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /// <summary>
    /// Implicit QL iterations on the tridiagonal (d, e) until every sub-diagonal entry is negligible
    /// (|e| ≤ 2⁻⁵²·‖T‖); d becomes the eigenvalues. The rotations are applied to the rows of w (w = Qᵀ on entry),
    /// so row j of w ends as the eigenvector of d[j].
    /// </summary>
    private static void TridiagonalQl(double[][] w, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        double f = 0, tst1 = 0, eps = Math.Pow(2, -52);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1) m++; // e[n−1] = 0 ends the search
            if (m > l)
            {
                int iter = 0;
                do
                {
                    if (++iter > 60)
                        throw new InvalidOperationException($"SymmetricEigen: the QL iteration did not converge for eigenvalue {l} after 60 sweeps.");
                    // Shift from the leading 2×2 block.
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.Sqrt(p * p + 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    // Implicit QL sweep of Givens rotations from m−1 up to l.
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2; c2 = c; s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        Rotate(w[i], w[i + 1], c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    // (wi, wi1) ← (c·wi − s·wi1, s·wi + c·wi1), element-wise over two rows: the O(n³) part, so SIMD.
    private static void Rotate(double[] wi, double[] wi1, double c, double s)
    {
        int k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<double>(c); var vs = new Vector<double>(s);
            for (; k <= wi.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var a = new Vector<double>(wi, k); var b = new Vector<double>(wi1, k);
                (vs * a + vc * b).CopyTo(wi1, k);
                (vc * a - vs * b).CopyTo(wi, k);
            }
        }
        for (; k < wi.Length; k++)
        {
            double h = wi1[k];
            wi1[k] = s * wi[k] + c * h;
            wi[k] = c * wi[k] - s * h;
        }
    }

    // Σ aₖbₖ with SIMD.
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int k = 0; double sum = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; k <= a.Length - Vector<double>.Count; k += Vector<double>.Count)
                acc += new Vector<double>(a[k..]) * new Vector<double>(b[k..]);
            sum = System.Numerics.Vector.Sum(acc);
        }
        for (; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    // y ← y + α·x with SIMD.
    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(alpha);
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
                (new Vector<double>(y[k..]) + va * new Vector<double>(x[k..])).CopyTo(y[k..]);
        }
        for (; k < x.Length; k++) y[k] += alpha * x[k];
    }

    // √(a² + b²) without overflow or destructive underflow.
    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }
}
