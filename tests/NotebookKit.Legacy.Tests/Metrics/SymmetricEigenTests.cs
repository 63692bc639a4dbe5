using System.Diagnostics;
using NotebookKit.Metrics;
using Xunit.Abstractions;

namespace NotebookKit.Tests.Metrics;

public class SymmetricEigenTests(ITestOutputHelper output)
{
    [Fact]
    public void KnownTwoByTwo()
    {
        // [[2, 1], [1, 2]]: λ = 3 with (1, 1)/√2, λ = 1 with (1, −1)/√2.
        var eig = SymmetricEigen.Decompose(new double[,] { { 2, 1 }, { 1, 2 } });
        Assert.Equal(3, eig.Values[0], 12);
        Assert.Equal(1, eig.Values[1], 12);
        var v = eig.Vector(0);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(v[0]), 12);
        Assert.Equal(v[0], v[1], 12);
    }

    [Fact]
    public void DiagonalMatrixGivesItsEntriesSortedDescending()
    {
        var eig = SymmetricEigen.Decompose(new double[,] { { 1, 0, 0 }, { 0, -4, 0 }, { 0, 0, 7 } });
        Assert.Equal([7.0, 1.0, -4.0], eig.Values);
        Assert.Equal(1, Math.Abs(eig.Vectors[2, 0]), 12);
        Assert.Equal(1, Math.Abs(eig.Vectors[0, 1]), 12);
        Assert.Equal(1, Math.Abs(eig.Vectors[1, 2]), 12);
    }

    [Fact]
    public void KnownTridiagonalMatrixEigenvalues()
    {
        // The second-difference matrix tridiag(−1, 2, −1) of size n has λ_k = 2 − 2cos(kπ/(n+1)), k = 1..n.
        int n = 12;
        var a = new double[n, n];
        for (int i = 0; i < n; i++) { a[i, i] = 2; if (i > 0) a[i, i - 1] = a[i - 1, i] = -1; }
        var eig = SymmetricEigen.Decompose(a);
        var expected = Enumerable.Range(1, n).Select(k => 2 - 2 * Math.Cos(k * Math.PI / (n + 1))).OrderDescending().ToArray();
        for (int k = 0; k < n; k++) Assert.Equal(expected[k], eig.Values[k], 12);
    }

    [Fact]
    public void RepeatedEigenvaluesAndZeroMatrix()
    {
        var eye = SymmetricEigen.Decompose(LinAlg.Identity(5));
        Assert.All(eye.Values, l => Assert.Equal(1, l, 14));
        Assert.True(LinAlg.MaxAbsDiff(LinAlg.Multiply(LinAlg.Transpose(eye.Vectors), eye.Vectors), LinAlg.Identity(5)) < 1e-14);
        var zero = SymmetricEigen.Decompose(new double[4, 4]);
        Assert.All(zero.Values, l => Assert.Equal(0, l));
        Assert.Empty(SymmetricEigen.Decompose(new double[0, 0]).Values);
    }

    [Fact]
    public void RandomSpd50SatisfiesAvEqualsLambdaVAndIsOrthonormal()
    {
        int n = 50;
        var a = LinAlg.RandomSpd(n, 7);
        var eig = SymmetricEigen.Decompose(a);
        var av = LinAlg.Multiply(a, eig.Vectors);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) Assert.Equal(eig.Values[j] * eig.Vectors[i, j], av[i, j], 10);
        Assert.True(LinAlg.MaxAbsDiff(LinAlg.Multiply(LinAlg.Transpose(eig.Vectors), eig.Vectors), LinAlg.Identity(n)) < 1e-12);
        Assert.True(LinAlg.MaxAbsDiff(eig.Apply(l => l), a) < 1e-12);             // V·Λ·Vᵀ = A
        for (int j = 1; j < n; j++) Assert.True(eig.Values[j - 1] >= eig.Values[j]);
        Assert.True(eig.Values[^1] > 0);
        var root = eig.Apply(Math.Sqrt);                                             // (A^{1/2})² = A
        Assert.True(LinAlg.MaxAbsDiff(LinAlg.Multiply(root, root), a) < 1e-12);
        Assert.Equal(Enumerable.Range(0, n).Sum(i => a[i, i]), eig.Values.Sum(), 10); // trace
    }

    [Fact]
    public void IndefiniteMatrixReconstructs()
    {
        var a = LinAlg.RandomSpd(30, 3);
        for (int i = 0; i < 30; i++) a[i, i] -= 1.0; // shifts half the spectrum below zero
        var eig = SymmetricEigen.Decompose(a);
        Assert.True(eig.Values[^1] < 0 && eig.Values[0] > 0);
        Assert.True(LinAlg.MaxAbsDiff(eig.Apply(l => l), a) < 1e-12);
    }

    [Fact]
    public void RejectsNonSymmetricAndNonSquare()
    {
        var ex = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[,] { { 1, 2 }, { 0, 1 } }));
        Assert.Contains("not symmetric", ex.Message);
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[2, 3]));
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[,] { { double.NaN } }));
    }

    [Fact]
    public void Size784RunsInAFewSeconds()
    {
        int n = 784;
        var a = LinAlg.RandomSpd(n, 11);
        var sw = Stopwatch.StartNew();
        var eig = SymmetricEigen.Decompose(a);
        sw.Stop();
        output.WriteLine($"SymmetricEigen 784×784: {sw.Elapsed.TotalSeconds:F2} s");
        // Spot-check A·v = λ·v on a few eigenpairs.
        foreach (int j in new[] { 0, 100, 783 })
        {
            var v = eig.Vector(j);
            double err = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i, k] * v[k];
                err = Math.Max(err, Math.Abs(s - eig.Values[j] * v[i]));
            }
            Assert.True(err < 1e-10, $"eigenpair {j}: residual {err}");
        }
        Assert.True(sw.Elapsed.TotalSeconds < 20, $"784×784 took {sw.Elapsed.TotalSeconds:F1} s");
    }
}
