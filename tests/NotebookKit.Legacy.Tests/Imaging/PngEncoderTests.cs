using System.Diagnostics;
using NotebookKit.Imaging;
using NotebookKit.Tests.TestSupport;

namespace NotebookKit.Tests.Imaging;

public class PngEncoderTests
{
    private static byte[] Ramp(int n, int seed = 0) => Enumerable.Range(0, n).Select(i => (byte)((i * 37 + seed * 11) % 256)).ToArray();

    [Fact]
    public void Crc32MatchesTheStandardCheckValues()
    {
        Assert.Equal(0xCBF43926u, PngEncoder.Crc32("123456789"u8));
        Assert.Equal(0xAE426082u, PngEncoder.Crc32("IEND"u8)); // every PNG ends in AE 42 60 82
    }

    [Theory]
    [InlineData(PngColorType.Gray, 1)]
    [InlineData(PngColorType.Rgb, 3)]
    [InlineData(PngColorType.Rgba, 4)]
    public void DecodedPixelsEqualTheInput(PngColorType type, int channels)
    {
        var pixels = Ramp(7 * 5 * channels);
        var png = PngEncoder.Encode(pixels, width: 7, height: 5, type);

        var d = DecodedPng.Decode(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], d.ChunkTypes);
        Assert.Equal((7, 5, (byte)8, (byte)type, (byte)0), (d.Width, d.Height, d.BitDepth, d.ColorType, d.Interlace));
        Assert.Equal(pixels, d.Pixels);
        Assert.All(d.FilterTypes, f => Assert.Equal(PngEncoder.FilterType, f));
    }

    [Fact]
    public void FileStartsWithSignatureAndEndsWithIend()
    {
        var png = PngEncoder.Encode(new byte[4], 2, 2);
        Assert.Equal(PngEncoder.Signature.ToArray(), png[..8]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);
    }

    [Fact]
    public void SamePixelsGiveSameBytes()
    {
        var pixels = Ramp(64 * 48 * 3, seed: 3);
        Assert.Equal(PngEncoder.Encode(pixels, 64, 48, PngColorType.Rgb), PngEncoder.Encode(pixels.ToArray(), 64, 48, PngColorType.Rgb));
    }

    [Fact]
    public void WrongBufferSizeNamesTheExpectedLength()
    {
        var e = Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 2, 2, PngColorType.Rgb));
        Assert.Contains("needs 12 bytes", e.Message);
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode([], 0, 1));
    }

    [Fact]
    public void SaveWritesTheBytesAndLeavesNoTemporaryFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbk-png-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "sub", "a.png");
            PngEncoder.Save(path, Ramp(12), 4, 3);
            PngEncoder.Save(path, Ramp(12, seed: 1), 4, 3); // overwrites
            Assert.Equal(PngEncoder.Encode(Ramp(12, seed: 1), 4, 3), File.ReadAllBytes(path));
            Assert.Equal(["a.png"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Cross-check with Pillow when Debian's python3-pil is installed (skipped otherwise).</summary>
    [PillowFact]
    public void PillowReadsTheSamePixels()
    {
        var pixels = Ramp(9 * 4 * 3, seed: 5);
        var path = Path.Combine(Path.GetTempPath(), $"nbk-pil-{Guid.NewGuid():N}.png");
        try
        {
            PngEncoder.Save(path, pixels, 9, 4, PngColorType.Rgb);
            var output = PillowFactAttribute.Run(
                $"from PIL import Image; im = Image.open(r'{path}'); im.load(); print(im.mode, im.size[0], im.size[1], ','.join(map(str, im.tobytes())))");
            Assert.Equal($"RGB 9 4 {string.Join(',', pixels)}", output.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Runs only when python3 can import PIL (Debian: python3-pil).</summary>
public sealed class PillowFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try { return TestPaths.Python != null && Run("import PIL; print('ok')").Trim() == "ok"; }
        catch (Exception) { return false; }
    });

    public PillowFactAttribute()
    {
        if (!Available.Value) Skip = "python3 with PIL not found (Debian: apt-get install python3-pil); the Pillow cross-check did not run.";
    }

    public static string Run(string code)
    {
        var psi = new ProcessStartInfo(TestPaths.Python!) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"python failed ({p.ExitCode}): {stderr}");
        return stdout;
    }
}
