namespace NotebookKit.Interactive;

/// <summary>
/// Progress of a training loop, in the spirit of tqdm. Inside a notebook host (<see cref="Display.Host"/> set
/// when it is created) it shows one live <see cref="ProgressView"/> — a loss chart of the reported metrics and a
/// bar — and updates it in place at most every <see cref="NotebookInterval"/>; the last update (on
/// <see cref="Complete"/>) holds the final state. Without a host it writes a text bar with rate and ETA to
/// <see cref="Console.Out"/>: redrawn in place on a terminal, and as a line every 10 % or
/// <see cref="LogInterval"/> (plus a final line) when the output is redirected to a log.
/// </summary>
/// <example><code>
/// using var progress = new Progress(total: numEpochs * trainLoader.Count, title: "VAE");
/// for (int epoch = 0, step = 0; epoch &lt; numEpochs; epoch++)
///     foreach (var (X, y) in trainLoader)
///         progress.Report(++step, ("loss", TrainStep(X)));
/// progress.Complete();
/// </code></example>
public sealed class Progress : IDisposable
{
    /// <summary>Minimum time between live updates in a notebook (≤ 4 updates per second).</summary>
    public static readonly TimeSpan NotebookInterval = TimeSpan.FromSeconds(0.25);

    /// <summary>Minimum time between redraws of the terminal bar.</summary>
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromSeconds(0.1);

    /// <summary>Longest silence in a redirected log before a line is printed anyway.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider clock;
    private readonly long start;
    private readonly DisplayHandle? handle;
    private readonly Dictionary<string, List<(int Step, double Value)>> history = [];
    private long lastOutput;
    private int lastDecile;
    private int lastTerminalLength;

    /// <param name="total">Number of steps the loop will report (e.g. <c>numEpochs * trainLoader.Count</c>).</param>
    /// <param name="title">Shown before the bar and above the chart.</param>
    /// <param name="clock">Time source (tests inject a fake one); default <see cref="TimeProvider.System"/>.</param>
    public Progress(int total, string? title = null, TimeProvider? clock = null)
    {
        if (total < 1) throw new ArgumentOutOfRangeException(nameof(total), $"Progress: total must be at least 1 step; got {total}.");
        Total = total;
        Title = title;
        this.clock = clock ?? TimeProvider.System;
        start = lastOutput = this.clock.GetTimestamp();
        IsTerminal = !Console.IsOutputRedirected;
        if (Display.Host != null) handle = Display.Show(View());
    }

    public int Total { get; }
    public string? Title { get; }

    /// <summary>Steps done so far (the last reported step).</summary>
    public int Step { get; private set; }

    public bool IsCompleted { get; private set; }

    /// <summary>True when a live notebook view is shown instead of a text bar.</summary>
    public bool IsNotebook => handle != null;

    /// <summary>Whether the text bar is redrawn in place (<c>\r</c>); false for redirected output (logs, CI).</summary>
    internal bool IsTerminal { get; set; }

    /// <summary>
    /// Records that <paramref name="step"/> steps (1…<see cref="Total"/>) are done, with the metrics of this step,
    /// e.g. <c>progress.Report(step, ("loss", loss), ("kl", kl))</c>. Output is throttled; every value is kept for the chart.
    /// </summary>
    public void Report(int step, params (string Name, double Value)[] metrics)
    {
        if (IsCompleted) throw new InvalidOperationException($"Progress{(Title != null ? $" '{Title}'" : "")}: Report after Complete.");
        if (step < 0 || step > Total)
            throw new ArgumentOutOfRangeException(nameof(step), $"Progress.Report: step {step} is outside 0…{Total} (total). Report the number of steps done.");
        Step = step;
        foreach (var (name, value) in metrics ?? [])
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(metrics));
            if (!history.TryGetValue(name, out var list)) history[name] = list = [];
            list.Add((step, value));
        }
        var now = clock.GetTimestamp();
        var since = clock.GetElapsedTime(lastOutput, now);
        if (handle != null)
        {
            if (since >= NotebookInterval) Publish(now);
        }
        else if (IsTerminal)
        {
            if (since >= TerminalInterval) Publish(now);
        }
        else
        {
            int decile = (int)(10L * step / Total);
            if (decile > lastDecile || since >= LogInterval) Publish(now);
        }
    }

    /// <summary>Shows the final state (a last live update, or the final text line). Idempotent; <see cref="Dispose"/> calls it.</summary>
    public void Complete()
    {
        if (IsCompleted) return;
        IsCompleted = true;
        Publish(clock.GetTimestamp());
        if (handle == null && IsTerminal) Console.Out.WriteLine();
    }

    public void Dispose() => Complete();

    /// <summary>The current state as a displayable snapshot.</summary>
    public ProgressView View() => new(Title, Step, Total, clock.GetElapsedTime(start), IsCompleted, history);

    private void Publish(long now)
    {
        lastOutput = now;
        lastDecile = (int)(10L * Step / Total);
        var view = View();
        if (handle != null) { handle.Update(view); return; }
        var line = view.ToString();
        if (IsTerminal)
        {
            // Pad over the previous, possibly longer, line instead of clearing it.
            Console.Out.Write("\r" + line.PadRight(lastTerminalLength));
            lastTerminalLength = line.Length;
        }
        else Console.Out.WriteLine(line);
    }
}
