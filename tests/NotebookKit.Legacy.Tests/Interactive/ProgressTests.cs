using System.Text.Json;
using NotebookKit.Interactive;

namespace NotebookKit.Tests.Interactive;

[Collection(nameof(ConsoleCollection))]
public class ProgressTests
{
    [Fact]
    public void Notebook_ShowsOnce_UpdatesThrottled_FinalUpdateHoldsFinalState()
    {
        var host = new FakeDisplayHost();
        var clock = new FakeClock();
        using (Display.UseHost(host))
        {
            var progress = new Progress(total: 100, title: "VAE", clock: clock);
            Assert.True(progress.IsNotebook);
            for (int step = 1; step <= 100; step++)
            {
                clock.Advance(0.01); // 1 s in all
                progress.Report(step, ("loss", 100.0 / step), ("kl", 1.0));
            }
            progress.Complete();
            progress.Complete(); // idempotent
        }

        Assert.False(host.Published[0].Update);
        Assert.All(host.Published.Skip(1), p => Assert.True(p.Update));
        Assert.Single(host.Published.Select(p => p.DisplayId).Distinct());
        int updates = host.Published.Count - 1;
        Assert.InRange(updates, 2, 1 + 4 + 1); // ≤ 4 per second, plus the final one

        var final = host.Published[^1].Bundle;
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], final.MimeTypes);
        Assert.Contains("100/100", final["text/plain"]);
        Assert.Contains("done", final["text/plain"]);
        using var figure = JsonDocument.Parse(final["application/vnd.plotly.v1+json"]!);
        var data = figure.RootElement.GetProperty("data");
        Assert.Equal(["loss", "kl"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(100, data[0].GetProperty("y").GetArrayLength());
        Assert.Equal(1, data[0].GetProperty("y")[99].GetDouble());
        Assert.Contains("VAE", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("<progress value=\"100\" max=\"100\"", final["text/html"]);
    }

    [Fact]
    public void Notebook_NoTimePassing_NoUpdatesUntilComplete()
    {
        var host = new FakeDisplayHost();
        using (Display.UseHost(host))
        {
            var progress = new Progress(1000, clock: new FakeClock());
            for (int step = 1; step <= 1000; step++) progress.Report(step, ("loss", 1.0));
            Assert.Single(host.Published);
            progress.Complete();
        }
        Assert.Equal(2, host.Published.Count);
    }

    [Fact]
    public void RedirectedOutput_PrintsEveryTenPercentAndAFinalLine_WithoutCarriageReturns()
    {
        var output = Capture(() =>
        {
            var clock = new FakeClock();
            var progress = new Progress(200, "AE", clock) { IsTerminal = false };
            for (int step = 1; step <= 200; step++)
            {
                clock.Advance(0.05);
                progress.Report(step, ("loss", 1.0 / step));
            }
            progress.Complete();
        });
        Assert.DoesNotContain('\r', output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length); // 10 %, 20 %, …, 100 %, final
        Assert.StartsWith("AE   10% |##", lines[0]);
        Assert.Contains("20/200", lines[0]);
        Assert.Contains("20.0 it/s", lines[0]);
        Assert.Contains("00:01<00:09", lines[0]); // elapsed < ETA
        Assert.Contains("loss=0.05", lines[0]);
        Assert.EndsWith("done", lines[^1]);
    }

    [Fact]
    public void RedirectedOutput_SlowSteps_PrintAtLeastEveryFewSeconds()
    {
        var output = Capture(() =>
        {
            var clock = new FakeClock();
            var progress = new Progress(1000, clock: clock) { IsTerminal = false };
            for (int step = 1; step <= 3; step++)
            {
                clock.Advance(Progress.LogInterval.TotalSeconds + 1);
                progress.Report(step);
            }
        });
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("11.0 s/it", output);
    }

    [Fact]
    public void Terminal_RedrawsInPlace_AndEndsWithNewline()
    {
        var output = Capture(() =>
        {
            var clock = new FakeClock();
            using var progress = new Progress(10, clock: clock) { IsTerminal = true };
            for (int step = 1; step <= 10; step++)
            {
                clock.Advance(0.2);
                progress.Report(step);
            }
        });
        Assert.Equal(11, output.Count(c => c == '\r'));
        Assert.EndsWith(Environment.NewLine, output);
        Assert.Contains("10/10", output);
    }

    [Fact]
    public void BadCalls_Throw()
    {
        Capture(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Progress(0));
            var progress = new Progress(5, clock: new FakeClock()) { IsTerminal = false };
            Assert.Contains("step 6 is outside 0…5", Assert.Throws<ArgumentOutOfRangeException>(() => progress.Report(6)).Message);
            progress.Complete();
            Assert.Throws<InvalidOperationException>(() => progress.Report(5));
        });
    }

    [Fact]
    public void View_LongHistoriesAreDownsampled_NonFiniteShownInTextNotChart()
    {
        Capture(() =>
        {
            var progress = new Progress(5000, clock: new FakeClock()) { IsTerminal = false };
            for (int step = 1; step <= 5000; step++) progress.Report(step, ("loss", step == 5000 ? double.NaN : 1.0));
            var view = progress.View();
            Assert.Contains("loss=NaN", view.ToString());
            var y = view.Chart().Data[0].PointCount;
            Assert.Equal(ProgressView.MaxChartPoints, y);
        });
    }

    private static string Capture(Action action)
    {
        var previous = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try { action(); }
        finally { Console.SetOut(previous); }
        return writer.ToString();
    }
}
