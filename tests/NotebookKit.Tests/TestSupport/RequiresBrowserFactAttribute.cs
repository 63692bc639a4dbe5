using NotebookKit.Testing;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// A fact that needs headless Chromium. Skipped, with the command that installs it, only when Chromium is missing
/// and NOTEBOOKKIT_REQUIRE_BROWSER is not "1"; with that variable set a missing Chromium fails the test.
/// </summary>
public sealed class RequiresBrowserFactAttribute : FactAttribute
{
    public RequiresBrowserFactAttribute()
    {
        if (Chromium.Executable != null) return;
        if (Environment.GetEnvironmentVariable(Chromium.RequireVariable) == "1") return;
        Skip = "Chromium not found (/usr/bin/chromium, or $NOTEBOOKKIT_CHROMIUM if set): run `bash environment/setup-browser.sh` as root (setup.sh does), " +
               $"or set {Chromium.RequireVariable}=1 to make this a failure.";
    }
}
