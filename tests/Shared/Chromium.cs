using System.Diagnostics;

namespace NotebookKit.Testing;

/// <summary>
/// Debian's Chromium as the browser tests start it (linked into each test project that drives a browser): where it is,
/// the variable that makes its absence a failure, and the command line this closed-network machine needs — headless,
/// no background networking (its connections are refused here, many at a time), a fresh profile folder.
/// </summary>
internal static class Chromium
{
    /// <summary>The environment variable that makes a missing Chromium a failure instead of a skip (CI sets it).</summary>
    public const string RequireVariable = "NOTEBOOKKIT_REQUIRE_BROWSER";

    /// <summary>$NOTEBOOKKIT_CHROMIUM, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable("NOTEBOOKKIT_CHROMIUM") is { Length: > 0 } env
            ? (File.Exists(env) ? env : null)
            : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>Chromium with the common flags and <paramref name="profile"/> as its user-data folder, then <paramref name="extra"/>;
    /// output redirected (the caller reads or drains it).</summary>
    public static ProcessStartInfo StartInfo(string profile, IEnumerable<string> extra)
    {
        var exe = Executable ?? throw new InvalidOperationException(
            "Chromium not found (/usr/bin/chromium or $NOTEBOOKKIT_CHROMIUM): run `bash environment/setup-browser.sh` as root.");
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}" })
            psi.ArgumentList.Add(a);
        foreach (var a in extra) psi.ArgumentList.Add(a);
        return psi;
    }
}
