using System.Diagnostics;
using NotebookKit.Testing;

namespace NotebookKit.Tests.TestSupport;

/// <summary>
/// Runs Debian's Chromium headless on a local file (<c>--dump-dom</c>), with the flags this
/// closed-network machine needs, a fresh profile folder, a time limit, and the browser always killed.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Loads <paramref name="htmlPath"/>, lets scripts run for <paramref name="virtualTimeMs"/> of virtual time, returns the DOM.</summary>
    public static string DumpDom(string htmlPath, int virtualTimeMs = 5000, int timeoutMs = 90_000) =>
        Run(htmlPath, [$"--virtual-time-budget={virtualTimeMs}", "--dump-dom"], timeoutMs);

    private static string Run(string htmlPath, string[] extra, int timeoutMs)
    {
        var profile = Path.Combine(Path.GetTempPath(), "nbk-chromium-" + Guid.NewGuid().ToString("N"));
        var psi = Chromium.StartInfo(profile, [.. extra, new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri]);
        Directory.CreateDirectory(profile);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {psi.FileName}.");
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
