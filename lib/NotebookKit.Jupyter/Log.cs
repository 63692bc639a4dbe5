namespace NotebookKit.Jupyter;

/// <summary>
/// The kernel's log: the process's real stderr, captured at start-up. <c>Console.Error</c> cannot be used: the
/// execution core points it at the running cell's output while a cell runs.
/// </summary>
internal static class Log
{
    private static readonly TextWriter Stderr =
        TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    public static void Write(string message) => Stderr.WriteLine($"[NotebookKit kernel {DateTime.Now:HH:mm:ss}] {message}");
}
