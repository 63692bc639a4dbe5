using System.Diagnostics;
using Xunit.Abstractions;

namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// A student's Stop in .NET Interactive stops NotebookKit's training loops: a cell that would train for ~1,000,000 steps
/// is cancelled with the kernel's <c>Cancel</c> command; the loop must end at its next step with the cancellation
/// (not keep the CPU busy behind the next cell), the cell must report the cancellation, and the kernel must run the next
/// cell. The cell publishes its step count and how it ended through <see cref="AppDomain"/> data: the test runs the
/// kernel in process, and a cancelled cell's variables are never committed.
/// </summary>
[Collection(InProcessKernels.Name)]
public sealed class InterruptTests(CourseSession course, ITestOutputHelper output) : IClassFixture<CourseSession>
{
    private const int Steps = 1_000_000;
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string> Loops => new()
    {
        {
            "EpochRunner.Run",
            """
            var net = nn.Linear(256, 256);
            var opt = optim.SGD(net.parameters(), 0.001);
            var batches = Enumerable.Range(0, STEPS).Select(_ => (torch.randn(64, 256), torch.randn(64, 256)));
            EpochRunner.Run(batches, (X, y) =>
            {
                opt.zero_grad();
                var loss = nn.functional.mse_loss(net.forward(X), y, nn.Reduction.Sum);
                loss.backward();
                opt.step();
                STEP();
                return new Dictionary<string, double> { ["loss"] = loss.item<float>() };
            });
            """
        },
        {
            "GanTraining.Epoch",
            """
            var netG = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 2));
            var netD = nn.Sequential(nn.Linear(2, 64), nn.LeakyReLU(0.2), nn.Linear(64, 1));
            var optG = optim.Adam(netG.parameters(), 1e-3);
            var optD = optim.Adam(netD.parameters(), 1e-3);
            var gen = new Generator(0);
            var batches = Enumerable.Range(0, STEPS).Select(_ => (RingOfGaussians.Sample(64, gen), torch.zeros(64)));
            GanTraining.Epoch(netG, netD, optG, optD, batches, latentDim: 8, generator: gen, onStep: _ => STEP());
            """
        },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task CancelStopsTheTrainingLoopAtItsNextStepAndTheKernelRunsOn(string loop, string training)
    {
        var key = "nbkit.interrupt." + Guid.NewGuid().ToString("N");
        AppDomain.CurrentDomain.SetData(key + ".steps", 0);
        var cell = $$"""
            using NotebookKit.Data;
            using NotebookKit.Training;
            // Loads LibTorch: in .NET Interactive a TorchSharp module built before any tensor fails with DllNotFoundException.
            torch.InitializeDeviceType(DeviceType.CPU);
            void STEP() => AppDomain.CurrentDomain.SetData("{{key}}.steps", (int)AppDomain.CurrentDomain.GetData("{{key}}.steps")! + 1);
            try
            {
            {{training.Replace("STEPS", Steps.ToString())}}
            }
            finally
            {
                AppDomain.CurrentDomain.SetData("{{key}}.stopped", System.Diagnostics.Stopwatch.GetTimestamp());
            }
            """;
        int StepsSoFar() => (int)AppDomain.CurrentDomain.GetData(key + ".steps")!;

        var run = course.Session.RunAsync(cell);
        var started = Stopwatch.StartNew();
        async Task<int> StepsAtLeast(int n)
        {
            while (StepsSoFar() < n && !run.IsCompleted && started.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(5);
            if (run.IsCompleted) Assert.Fail($"{loop}: the cell ended before it was cancelled:\n{await run}");
            Assert.True(StepsSoFar() >= n, $"{loop}: only {StepsSoFar()} steps in {started.Elapsed.TotalSeconds:0} s; the cell never got going");
            return StepsSoFar();
        }
        int warm = await StepsAtLeast(20); // the first steps include compiling the cell and TorchSharp's start-up
        long warmAt = Stopwatch.GetTimestamp();
        int measured = await StepsAtLeast(warm + 20);
        var perStep = Stopwatch.GetElapsedTime(warmAt) / (measured - warm);

        int before = StepsSoFar();
        long cancelledAt = Stopwatch.GetTimestamp();
        await course.Session.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        var reported = Stopwatch.GetElapsedTime(cancelledAt);
        while (AppDomain.CurrentDomain.GetData(key + ".stopped") == null && Stopwatch.GetElapsedTime(cancelledAt) < TimeSpan.FromSeconds(60))
            await Task.Delay(5);
        Assert.True(AppDomain.CurrentDomain.GetData(key + ".stopped") is long, $"{loop}: still training 60 s after Cancel ({StepsSoFar()} steps)");
        var stopped = Stopwatch.GetElapsedTime(cancelledAt, (long)AppDomain.CurrentDomain.GetData(key + ".stopped")!);
        int after = StepsSoFar();
        output.WriteLine($"{loop}: {before} steps before Cancel ({perStep.TotalMilliseconds:0.0} ms a step, the whole cell ≈ " +
                         $"{(perStep * Steps).TotalMinutes:0} min); cell reported failed {reported.TotalMilliseconds:0} ms after Cancel; " +
                         $"loop stopped {stopped.TotalMilliseconds:0} ms after Cancel, {after - before} steps later");

        Assert.True(result.Failure != null && result.Failure.Contains("cancel", StringComparison.OrdinalIgnoreCase),
            $"{loop}: the cancelled cell must report its cancellation:\n{result}");
        Assert.True(stopped < StopWithin, $"{loop}: the loop stopped {stopped.TotalSeconds:0.0} s after Cancel, expected < {StopWithin.TotalSeconds} s");
        await Task.Delay(perStep * 20);
        Assert.Equal(after, StepsSoFar()); // nothing trains on in the background

        var next = await course.Session.RunAsync("Console.WriteLine(torch.ones(3).sum().item<float>());");
        Assert.True(next.Failure == null, $"{loop}: the kernel did not run the cell after the cancelled one:\n{next}");
        Assert.Equal("3", next.StandardOutput.Trim());
    }
}
