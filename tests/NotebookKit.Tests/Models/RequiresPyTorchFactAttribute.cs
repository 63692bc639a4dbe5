using System.Diagnostics;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Models;

/// <summary>
/// A fact that needs Debian's PyTorch (<c>/usr/bin/python3 -c "import torch"</c>): skipped, with the command that
/// installs it, when it is missing. Set NOTEBOOKKIT_REQUIRE_PYTORCH=1 (CI does, after setup.sh) to make a missing
/// PyTorch a failure instead.
/// </summary>
public sealed class RequiresPyTorchFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(ReferencePython.Python, ["-c", "import torch"]) { RedirectStandardError = true })!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    });

    public RequiresPyTorchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NOTEBOOKKIT_REQUIRE_PYTORCH") == "1") return;
        if (!Available.Value)
            Skip = $"PyTorch not importable by {ReferencePython.Python}: run `bash environment/setup-bench.sh` (Debian's python3-torch) to test checkpoint interop.";
    }
}
