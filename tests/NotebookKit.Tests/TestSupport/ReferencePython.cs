using System.Diagnostics;
using System.Text.Json;
using TorchSharp;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// Asks Debian's python3 what a file holds: runs a script of <c>tests/reference</c>, which prints a state dict as JSON
/// (<c>{key: {shape, values}}</c>), and compares that with a TorchSharp module's own, value for value.
/// </summary>
internal static class ReferencePython
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <c>tests/reference/<paramref name="script"/></c> with <paramref name="args"/>; fails with its stderr.</summary>
    public static JsonElement RunJson(string script, params string[] args)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "reference", script);
        var psi = new ProcessStartInfo(Python, [path, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{script} {string.Join(' ', args)} failed: {stderr.Result}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>The module's tensors under <paramref name="keys"/> (all when null) equal Python's, shape and float32 bits.</summary>
    public static void AssertSameStateDict(torch.nn.Module module, JsonElement state, IEnumerable<string>? keys = null)
    {
        var ours = module.state_dict();
        if (keys is null)
            Assert.Equal(ours.Keys.Order(), state.EnumerateObject().Select(p => p.Name).Order());
        foreach (var key in keys ?? ours.Keys)
        {
            var entry = state.GetProperty(key);
            Assert.Equal(ours[key].shape, entry.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray());
            Assert.Equal(ours[key].data<float>().ToArray(), entry.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray());
        }
    }
}
