using NotebookKit.Interactive;

namespace NotebookKit.Display;

/// <summary>
/// Progress of a training loop, in the spirit of tqdm. In a notebook (<see cref="Interactive.Display.Host"/> set when it
/// is created) it shows one live <see cref="ProgressView"/> — a Plotly chart of the reported metrics under a bar — and
/// updates it in place; a redraw (figure JSON + HTML) costs ~0.1–0.5 s, so the next one waits
/// max(<see cref="NotebookInterval"/>, 10 × the last redraw's cost): drawing stays under ~10 % of the time.
/// Without a host it writes a text bar: redrawn in place on a terminal; a line every 10 % or
/// <see cref="LogInterval"/> (plus a final line) when output goes to a log.
/// </summary>
/// <example><code>
/// using var progress = new Progress(total: numEpochs * trainLoader.Count(), title: "VAE");
/// foreach (var (X, y) in trainLoader) progress.Report(++step, ("loss", loss));
/// </code></example>
public sealed class Progress : IDisposable
{
    /// <summary>Shortest time between live updates in a notebook.</summary>
    public static readonly TimeSpan NotebookInterval = TimeSpan.FromSeconds(0.25);

    /// <summary>A redraw may take at most 1/<see cref="CostFactor"/> of the time between redraws.</summary>
    public const int CostFactor = 10;

    /// <summary>Shortest time between redraws of the terminal bar.</summary>
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromSeconds(0.1);

    /// <summary>Longest silence in a redirected log before a line is printed anyway.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider clock;
    private readonly long start;
    private readonly DisplayHandle? handle;
    private readonly Dictionary<string, List<(int Step, double Value)>> history = [];
    private long lastOutput;
    private int lastDecile, lastTerminalLength;

    /// <param name="total">Steps the loop will report (e.g. <c>numEpochs * batchesPerEpoch</c>).</param>
    /// <param name="title">Shown before the bar and above the chart.</param>
    /// <param name="clock">Time source (tests pass a fake one); default <see cref="TimeProvider.System"/>.</param>
    public Progress(int total, string? title = null, TimeProvider? clock = null)
    {
        if (total < 1) throw new ArgumentOutOfRangeException(nameof(total), $"Progress: total must be at least 1 step; got {total}.");
        (Total, Title) = (total, title);
        this.clock = clock ?? TimeProvider.System;
        start = lastOutput = this.clock.GetTimestamp();
        IsTerminal = !Console.IsOutputRedirected;
        if (Interactive.Display.Host != null) handle = Interactive.Display.Show(View());
    }

    public int Total { get; }
    public string? Title { get; }

    /// <summary>Steps done so far (the last reported step).</summary>
    public int Step { get; private set; }

    public bool IsCompleted { get; private set; }

    /// <summary>True when a live notebook view is shown instead of a text bar.</summary>
    public bool IsNotebook => handle != null;

    /// <summary>How long the last live redraw took (measured on the clock).</summary>
    public TimeSpan LastRedrawCost { get; private set; }

    /// <summary>The wait before the next live redraw: max(<see cref="NotebookInterval"/>, CostFactor × <see cref="LastRedrawCost"/>).</summary>
    public TimeSpan RedrawInterval => TimeSpan.FromTicks(Math.Max(NotebookInterval.Ticks, CostFactor * LastRedrawCost.Ticks));

    /// <summary>How many live redraws were published (the first display not counted).</summary>
    public int Redraws { get; private set; }

    /// <summary>Whether the text bar is redrawn in place (<c>\r</c>); false for redirected output (logs, CI).</summary>
    internal bool IsTerminal { get; set; }

    /// <summary>
    /// Records that <paramref name="step"/> steps (1…<see cref="Total"/>) are done, with this step's metrics,
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
        var since = clock.GetElapsedTime(lastOutput);
        bool due = handle != null ? since >= RedrawInterval
            : IsTerminal ? since >= TerminalInterval
            : (int)(10L * step / Total) > lastDecile || since >= LogInterval;
        if (due) Publish();
    }

    /// <summary>Shows the final state (a last live update, or the final text line). Idempotent; <see cref="Dispose"/> calls it.</summary>
    public void Complete()
    {
        if (IsCompleted) return;
        IsCompleted = true;
        Publish();
        if (handle == null && IsTerminal) Console.Out.WriteLine();
    }

    public void Dispose() => Complete();

    /// <summary>The current state as a displayable snapshot.</summary>
    public ProgressView View() => new(Title, Step, Total, clock.GetElapsedTime(start), IsCompleted, history);

    private void Publish()
    {
        lastDecile = (int)(10L * Step / Total);
        var view = View();
        if (handle != null)
        {
            long before = clock.GetTimestamp();
            handle.Update(view);
            lastOutput = clock.GetTimestamp();
            LastRedrawCost = clock.GetElapsedTime(before, lastOutput);
            Redraws++;
            return;
        }
        lastOutput = clock.GetTimestamp();
        var line = view.ToString();
        if (!IsTerminal) { Console.Out.WriteLine(line); return; }
        Console.Out.Write("\r" + line.PadRight(lastTerminalLength)); // pad over a longer previous line
        lastTerminalLength = line.Length;
    }
}
