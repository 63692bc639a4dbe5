using NotebookKit.Interactive;

namespace NotebookKit.Tests.Display;

/// <summary>Records what would go to the front end; optionally advances a fake clock per publish (the redraw's cost).</summary>
internal sealed class FakeDisplayHost(FakeClock? clock = null, double secondsPerPublish = 0) : IDisplayHost
{
    public List<(MimeBundle Bundle, string? DisplayId, bool Update)> Published { get; } = [];

    public void Publish(MimeBundle bundle, string? displayId, bool update)
    {
        Published.Add((bundle, displayId, update));
        clock?.Advance(secondsPerPublish);
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(double seconds) => ticks += (long)(seconds * TimeSpan.TicksPerSecond);
}

/// <summary>Reads a PNG's IHDR (width, height, bit depth, colour type) straight from the bytes.</summary>
internal static class Png
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, int BitDepth, int ColorType) Header(byte[] png)
    {
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        int BigEndian(int at) => png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
        return (BigEndian(16), BigEndian(20), png[24], png[25]);
    }
}
