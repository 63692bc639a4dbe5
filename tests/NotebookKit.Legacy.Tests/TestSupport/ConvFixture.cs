using System.Text.Json;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// One case of fixtures/conv.json, written by tests/reference/make_conv_fixtures.py from PyTorch:
/// inputs, outputs and gradients of L = Σ y·dy, plus the op's settings.
/// </summary>
internal sealed class ConvFixture
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "conv.json"))));

    private readonly JsonElement root;

    private ConvFixture(JsonElement root) => this.root = root;

    public static ConvFixture Load(string name) => new(Doc.Value.RootElement.GetProperty("cases").GetProperty(name));

    public static IEnumerable<string> Names(string op) =>
        Doc.Value.RootElement.GetProperty("cases").EnumerateObject()
            .Where(c => c.Value.GetProperty("op").GetString() == op).Select(c => c.Name);

    public bool Has(string tensor) => root.GetProperty("tensors").TryGetProperty(tensor, out _);

    /// <summary>A fresh tensor (a leaf) holding the fixture's values.</summary>
    public Tensor T(string tensor)
    {
        var e = root.GetProperty("tensors").GetProperty(tensor);
        var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var data = e.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        return Torch.FromArray(data, shape);
    }

    public int Int(string key) => root.GetProperty(key).GetInt32();

    public float Float(string key) => root.GetProperty(key).GetSingle();

    public bool Bool(string key) => root.GetProperty(key).GetBoolean();

    /// <summary>Asserts equal shapes and |actual − expected| ≤ atol + rtol·|expected| element-wise.</summary>
    public static void AssertClose(Tensor expected, Tensor? actual, string label, float atol = 1e-4f, float rtol = 1e-4f)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Shape, actual!.Shape);
        var e = expected.AsSpan(); var a = actual.AsSpan();
        for (int i = 0; i < e.Length; i++)
            if (!(MathF.Abs(a[i] - e[i]) <= atol + rtol * MathF.Abs(e[i])))
                throw new Xunit.Sdk.XunitException($"{label}: element {i} of {expected.ShapeString} is {a[i]}, PyTorch says {e[i]}.");
    }
}
