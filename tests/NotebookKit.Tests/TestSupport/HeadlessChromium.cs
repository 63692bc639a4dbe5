using System.Diagnostics;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// Runs Debian's Chromium headless on a local file (<c>--dump-dom</c> or <c>--screenshot</c>), with the flags this
/// closed-network machine needs, a fresh profile folder, a time limit, and the browser always killed.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>The environment variable that makes a missing Chromium a failure instead of a skip (CI sets it).</summary>
    public const string RequireVariable = "NOTEBOOKKIT_REQUIRE_BROWSER";

    /// <summary>$NOTEBOOKKIT_CHROMIUM, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("NOTEBOOKKIT_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    /// <summary>Loads <paramref name="htmlPath"/>, lets scripts run for <paramref name="virtualTimeMs"/> of virtual time, returns the DOM.</summary>
    public static string DumpDom(string htmlPath, int virtualTimeMs = 5000, int timeoutMs = 90_000) =>
        Run(htmlPath, [$"--virtual-time-budget={virtualTimeMs}", "--dump-dom"], timeoutMs);

    /// <summary>Saves a PNG of the page at the given window size.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width = 1000, int height = 1400, int timeoutMs = 90_000) =>
        Run(htmlPath, ["--virtual-time-budget=5000", $"--screenshot={pngPath}", $"--window-size={width},{height}", "--hide-scrollbars"], timeoutMs);

    private static string Run(string htmlPath, string[] extra, int timeoutMs)
    {
        var exe = Executable ?? throw new InvalidOperationException(
            $"Chromium not found (/usr/bin/chromium or $NOTEBOOKKIT_CHROMIUM): run `bash environment/setup-browser.sh` as root.");
        var profile = Path.Combine(Path.GetTempPath(), "nbk-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}" })
            psi.ArgumentList.Add(a);
        foreach (var a in extra) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMs))
                throw new TimeoutException($"Chromium did not finish {htmlPath} within {timeoutMs} ms; it was killed.");
            process.WaitForExit(); // drain the redirected streams
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode} on {htmlPath}:\n{stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
