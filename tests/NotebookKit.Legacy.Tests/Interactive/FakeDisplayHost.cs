using NotebookKit.Interactive;

namespace NotebookKit.Tests.Interactive;

/// <summary>Records what would go to the front end.</summary>
internal sealed class FakeDisplayHost : IDisplayHost
{
    public List<(MimeBundle Bundle, string? DisplayId, bool Update)> Published { get; } = [];

    public void Publish(MimeBundle bundle, string? displayId, bool update) => Published.Add((bundle, displayId, update));
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(double seconds) => ticks += (long)(seconds * TimeSpan.TicksPerSecond);
}

/// <summary>Tests that swap Console.Out must not run beside each other.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
