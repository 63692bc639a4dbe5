using System.Text.Json;
using NotebookKit.Display;
using NotebookKit.Interactive;

namespace NotebookKit.Tests.Display;

[Collection(nameof(ConsoleCollection))]
public class ProgressTests
{
    [Fact]
    public void In_a_notebook_it_shows_one_display_and_updates_it_with_a_chart_of_the_metrics()
    {
        var clock = new FakeClock();
        var host = new FakeDisplayHost();
        using (NotebookKit.Interactive.Display.UseHost(host))
        {
            var progress = new Progress(4, "VAE", clock);
            Assert.True(progress.IsNotebook);
            for (int step = 1; step <= 4; step++)
            {
                clock.Advance(1);
                progress.Report(step, ("loss", 10.0 / step), ("kl", step));
            }
            progress.Complete();
        }
        Assert.False(host.Published[0].Update);
        Assert.All(host.Published.Skip(1), p => Assert.True(p.Update));
        Assert.Single(host.Published.Select(p => p.DisplayId).Distinct());
        var last = host.Published[^1].Bundle;
        using var doc = JsonDocument.Parse(last["application/vnd.plotly.v1+json"]!);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(new[] { "loss", "kl" }, data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 10.0, 5, 10.0 / 3, 2.5 }, data[0].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        var title = doc.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;
        Assert.StartsWith("VAE · 100% · 4/4", title);
        Assert.EndsWith("loss=2.5 kl=4 done", title);
        Assert.StartsWith("VAE  100% |####################| 4/4 [00:04<00:00, 1.0 it/s]", last["text/plain"]);
    }

    [Fact]
    public void Redraws_wait_ten_times_the_last_redraw_cost_and_at_least_a_quarter_second()
    {
        var clock = new FakeClock();
        var host = new FakeDisplayHost(clock, secondsPerPublish: 0.2);   // each redraw "costs" 0.2 s → wait 2 s
        using (NotebookKit.Interactive.Display.UseHost(host))
        {
            var progress = new Progress(100, clock: clock);
            for (int step = 1; step <= 100; step++)
            {
                clock.Advance(0.1);
                progress.Report(step, ("loss", 1.0));
            }
            Assert.Equal(TimeSpan.FromSeconds(0.2), progress.LastRedrawCost);
            Assert.Equal(TimeSpan.FromSeconds(2), progress.RedrawInterval);
            // 100 steps of 0.1 s = 10 s of training, plus 0.2 s per redraw: one redraw per 2 s → 4 or 5.
            Assert.InRange(progress.Redraws, 4, 5);
        }
        var cheap = new FakeDisplayHost(clock, secondsPerPublish: 0.001);
        using (NotebookKit.Interactive.Display.UseHost(cheap))
        {
            var progress = new Progress(100, clock: clock);
            for (int step = 1; step <= 100; step++)
            {
                clock.Advance(0.05);
                progress.Report(step);
            }
            Assert.Equal(TimeSpan.FromSeconds(0.25), progress.RedrawInterval);   // the floor
            Assert.InRange(progress.Redraws, 19, 20);                              // 5 s / 0.25 s
        }
    }

    [Fact]
    public void In_a_log_it_writes_a_line_every_tenth_and_a_final_line()
    {
        var clock = new FakeClock();
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            using var progress = new Progress(20, "GAN", clock) { IsTerminal = false };
            for (int step = 1; step <= 20; step++) progress.Report(step, ("lossD", 0.5));
        }
        finally { Console.SetOut(previous); }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);                                  // 10 %, 20 %, …, 100 %, then the final (done) line
        Assert.StartsWith("GAN   10% |##", lines[0]);
        Assert.EndsWith("lossD=0.5 done", lines[^1].TrimEnd());
    }

    [Fact]
    public void Bad_steps_and_reports_after_complete_are_errors()
    {
        var progress = new Progress(3, "x", new FakeClock()) { IsTerminal = false };
        Assert.Contains("outside 0…3", Assert.Throws<ArgumentOutOfRangeException>(() => progress.Report(4)).Message);
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try { progress.Complete(); } finally { Console.SetOut(output); }
        Assert.Throws<InvalidOperationException>(() => progress.Report(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Progress(0));
    }
}

/// <summary>Tests that swap Console.Out must not run beside each other.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
