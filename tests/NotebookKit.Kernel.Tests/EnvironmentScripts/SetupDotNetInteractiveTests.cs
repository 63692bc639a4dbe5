namespace NotebookKit.Kernel.Tests.EnvironmentScripts;

/// <summary>
/// environment/setup-dotnet-interactive.sh, installing into temporary folders (DOTNET_INTERACTIVE_TOOL_PATH,
/// JUPYTER_DATA_DIR) so the user's tool and kernels are untouched. The install needs the NuGet source (nuget.org, or
/// the package in the machine's offline folder) as any `dotnet tool install` does.
/// </summary>
public class SetupDotNetInteractiveTests
{
    private static readonly string Script = Path.Combine(TestNotebooks.RepoRoot, "environment", "setup-dotnet-interactive.sh");

    [Fact]
    public void InstallsTheToolAndLocalOnlyKernelspecsAndASecondRunChangesNothingAndSaysSo()
    {
        using var dir = new TempDir();
        var env = Folders(dir);

        var first = Setup(env);
        Assert.True(first.Exit == 0, first.Output);
        Assert.Contains("dotnet-interactive 1.0.712001 installed in", first.Output);
        Assert.True(File.Exists(Path.Combine(env["DOTNET_INTERACTIVE_TOOL_PATH"], "dotnet-interactive")), first.Output);
        foreach (var kernel in new[] { ".net-csharp", ".net-fsharp", ".net-powershell" })
        {
            var spec = Path.Combine(env["JUPYTER_DATA_DIR"], "kernels", kernel, "kernel.json");
            Assert.True(File.Exists(spec), $"{spec} missing after:\n{first.Output}");
            var argv = System.Text.Json.JsonDocument.Parse(File.ReadAllText(spec)).RootElement.GetProperty("argv")
                .EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.Equal(["dotnet", "interactive", "jupyter"], argv.Take(3));
            Assert.Equal(1, argv.Count(a => a == "--http-local-only"));
        }
        var installed = Snapshot(dir.Path);

        var second = Setup(env);
        Assert.True(second.Exit == 0, second.Output);
        Assert.StartsWith("setup-dotnet-interactive: nothing changed", second.Output.Trim());
        Assert.Single(second.Output.Trim().Split('\n'));
        Assert.Equal(installed, Snapshot(dir.Path));
    }

    [Theory]
    [InlineData("DOTNET_INTERACTIVE_VERSION", "0.0.1-nosuchversion", "could not install Microsoft.dotnet-interactive 0.0.1-nosuchversion")]
    [InlineData("DOTNET_INTERACTIVE_SOURCE", "{dir}/no-such-feed", "(from {dir}/no-such-feed)")]
    public void FailsNamingThePackageTheSourceAndTheOverridesWhenTheToolCannotBeInstalled(string variable, string value, string expected)
    {
        using var dir = new TempDir();
        var env = Folders(dir);
        env[variable] = value.Replace("{dir}", dir.Path);

        var r = Setup(env);

        Assert.True(r.Exit != 0, r.Output);
        Assert.Contains(expected.Replace("{dir}", dir.Path), r.Output);
        Assert.Contains("not found in NuGet feeds", r.Output); // dotnet tool's own reason, quoted
        Assert.Contains("DOTNET_INTERACTIVE_VERSION / DOTNET_INTERACTIVE_SOURCE override them", r.Output);
        Assert.False(Directory.Exists(Path.Combine(env["JUPYTER_DATA_DIR"], "kernels")), "kernelspecs were installed without the tool");
    }

    private static Dictionary<string, string> Folders(TempDir dir) => new()
    {
        ["DOTNET_INTERACTIVE_TOOL_PATH"] = Path.Combine(dir.Path, "tools"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(dir.Path, "jupyter"),
    };

    private static (int Exit, string Output) Setup(Dictionary<string, string> env) => TestNotebooks.Run("bash", [Script], env);

    // Every file under the folder with its size, time and, for kernelspecs, its text: what "changes nothing" means.
    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}" +
                         (f.EndsWith(".json", StringComparison.Ordinal) ? " " + File.ReadAllText(f) : ""))
            .ToList();
}
