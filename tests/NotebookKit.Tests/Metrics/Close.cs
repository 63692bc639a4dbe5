using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

/// <summary>Element-wise comparison of a tensor with expected values, naming the first element that differs.</summary>
internal static class Close
{
    public static void Equal(double[] expected, Tensor actual, double tolerance)
    {
        var a = actual.to(ScalarType.Float64).cpu().data<double>().ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(expected[i] - a[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {a[i]} (tolerance {tolerance})");
    }
}
