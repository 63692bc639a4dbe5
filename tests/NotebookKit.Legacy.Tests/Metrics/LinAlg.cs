using NotebookKit.Tensors;

namespace NotebookKit.Tests.Metrics;

/// <summary>Small dense helpers in double for the metric tests.</summary>
internal static class LinAlg
{
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++)
            {
                double x = a[i, p];
                for (int j = 0; j < m; j++) c[i, j] += x * b[p, j];
            }
        return c;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    /// <summary>A random symmetric positive-definite matrix B·Bᵀ/n + δI.</summary>
    public static double[,] RandomSpd(int n, ulong seed, double ridge = 0.1)
    {
        var g = new Generator(seed);
        var b = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i, j] = g.NextNormal();
        var a = Multiply(b, Transpose(b));
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = a[i, j] / n + (i == j ? ridge : 0);
        return a;
    }

    public static double MaxAbsDiff(double[,] a, double[,] b)
    {
        double m = 0;
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) m = Math.Max(m, Math.Abs(a[i, j] - b[i, j]));
        return m;
    }

    public static double[,] Identity(int n)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++) a[i, i] = 1;
        return a;
    }
}
