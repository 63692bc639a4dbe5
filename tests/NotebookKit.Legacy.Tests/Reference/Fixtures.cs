using System.Text.Json;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Reference;

/// <summary>
/// Loads the PyTorch reference values written by <c>tests/reference/make_fixtures.py</c> (copied next to the test
/// assembly as <c>fixtures/*.json</c>) and compares NotebookKit against them.
/// </summary>
/// <remarks>
/// Tolerance: |actual − expected| ≤ atol + rtol·|expected| with atol = 1e−5, rtol = 1e−4 by default. Both sides are
/// float32 but sum in different orders (and our exp/log/tanh are SIMD approximations), so bit equality is not
/// expected; 1e−4 relative is a few hundred ulps, well below any real bug.
/// </remarks>
internal static class Fixtures
{
    public const float Atol = 1e-5f, Rtol = 1e-4f;
    private static readonly Dictionary<string, JsonElement> Cache = new();
    private static readonly Lock Gate = new();

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", file);

    /// <summary>The "cases" object of a fixture file; throws (fails the test) when the file is missing.</summary>
    public static JsonElement Cases(string file)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(file, out var cases))
            {
                var path = PathOf(file);
                if (!File.Exists(path))
                    throw new FileNotFoundException(
                        $"Reference fixture {path} is missing; run /usr/bin/python3 tests/reference/make_fixtures.py and rebuild.");
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                Cache[file] = cases = doc.RootElement.GetProperty("cases").Clone();
            }
            return cases;
        }
    }

    public static JsonElement Case(string file, string name) =>
        Cases(file).TryGetProperty(name, out var c) ? c
            : throw new Xunit.Sdk.XunitException($"{file} has no case '{name}'; regenerate the fixtures.");

    public static Tensor ToTensor(JsonElement t)
    {
        var shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var data = t.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        return Torch.FromArray(data, shape.Length == 0 ? [] : shape);
    }

    /// <summary>A float tensor of class indices back to int[] (the fixtures store targets as floats).</summary>
    public static int[] Ints(Tensor t) => t.ToArray().Select(v => (int)v).ToArray();

    /// <summary>
    /// Runs <paramref name="op"/> on the case's inputs, compares its output with PyTorch's, backpropagates
    /// (output ⊙ w).Sum() with the recorded weights w, and compares each input gradient.
    /// </summary>
    public static void Check(string file, string name, Func<Tensor[], Tensor> op, float atol = Atol, float rtol = Rtol)
    {
        var c = Case(file, name);
        var inputs = c.GetProperty("inputs").EnumerateArray()
            .Select(i => ToTensor(i).RequiresGrad_(i.GetProperty("requires_grad").GetBoolean())).ToArray();
        var output = op(inputs);
        AssertClose(ToTensor(c.GetProperty("output")), output, atol, rtol, $"{name}: output");
        var weight = ToTensor(c.GetProperty("weight"));
        if (!inputs.Any(t => t.RequiresGrad)) return;
        (output * weight).Sum().Backward();
        var grads = c.GetProperty("grads").EnumerateArray().ToArray();
        for (int k = 0; k < inputs.Length; k++)
        {
            if (grads[k].ValueKind == JsonValueKind.Null) continue;
            var actual = inputs[k].Grad ?? throw new Xunit.Sdk.XunitException($"{name}: input {k} got no gradient.");
            AssertClose(ToTensor(grads[k]), actual, atol, rtol, $"{name}: gradient of input {k}");
        }
    }

    public static void AssertClose(Tensor expected, Tensor actual, float atol, float rtol, string what)
    {
        if (!expected.Shape.SequenceEqual(actual.Shape))
            throw new Xunit.Sdk.XunitException($"{what}: shape {actual.ShapeString}, PyTorch {expected.ShapeString}.");
        var e = expected.AsSpan(); var a = actual.AsSpan();
        for (int i = 0; i < e.Length; i++)
            if (!(MathF.Abs(a[i] - e[i]) <= atol + rtol * MathF.Abs(e[i])))
                throw new Xunit.Sdk.XunitException(
                    $"{what}: at flat index {i} got {a[i]:R}, PyTorch {e[i]:R} (|diff| {MathF.Abs(a[i] - e[i]):R} > {atol} + {rtol}·|expected|).");
    }
}
