using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NotebookKit.Jupyter.Tests;

/// <summary>tests/jupyter/test_kernel.py (jupyter_kernel_test's KernelTests and our extras) against the installed kernelspec.</summary>
[Collection(JupyterClientsCollection.Name)]
public partial class JupyterKernelConformanceTests(ITestOutputHelper log)
{
    [JupyterFact]
    public void JupyterKernelTestSuitePasses()
    {
        JupyterEnvironment.EnsureReleaseLibrary();
        using var prefix = new TempDir();
        var jupyterPath = JupyterEnvironment.InstallKernelSpec(prefix.Path);
        var (exit, output) = JupyterEnvironment.RunJupyterClient(
            ["-m", "unittest", "-v", "tests/jupyter/test_kernel.py"], cwd: JupyterEnvironment.RepoRoot,
            env: new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath, ["JUPYTER_DATA_DIR"] = jupyterPath },
            timeout: TimeSpan.FromMinutes(15));
        log.WriteLine(output);
        Assert.True(exit == 0, output);
        var ran = RanLine().Match(output);
        Assert.True(ran.Success, output);
        Assert.True(int.Parse(ran.Groups[1].Value) >= 15, $"expected at least 15 tests, {ran.Value}");
        Assert.Matches(@"(?m)^OK\b", output);
    }

    [GeneratedRegex(@"Ran (\d+) tests?")]
    private static partial Regex RanLine();
}
