using NotebookKit.Display;
using NotebookKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Display;

/// <summary>PngWriter's files, read back by the tests' own decoder (TestSupport/PngDecoder: bitwise CRCs, its own unfilter).</summary>
public class PngWriterTests
{
    /// <summary>Grids as the notebooks show them: 28×28 images at scale 2 (10×10, 8 rows of 16), grey and RGB.</summary>
    [Theory]
    [InlineData(100, 10, 1)]
    [InlineData(128, 16, 1)]
    [InlineData(100, 10, 3)]
    public void A_course_sized_grid_decodes_to_exactly_its_pixels(int n, int nrow, int channels)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        // Smooth strokes and noise, so rows pick different filters: a blurred random field plus a little noise.
        var smooth = nn.functional.avg_pool2d(torch.rand(n, channels, 34, 34), 7, stride: 1);          // (n, C, 28, 28)
        var images = (smooth + 0.1 * torch.rand(n, channels, 28, 28)).clamp(0, 1);
        var pixels = ImageGrid.GridBytes(images, nrow);                                                // (C, H, W) uint8

        var decoded = DecodedPng.Decode(PngWriter.Encode(pixels));

        Assert.Equal((pixels.shape[2], pixels.shape[1], channels), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(["IHDR", "IDAT", "IEND"], decoded.ChunkTypes);
        Assert.Equal(pixels.permute(1, 2, 0).contiguous().data<byte>().ToArray(), decoded.Pixels);
        Assert.True(decoded.FilterTypes.Distinct().Count() >= 3,
            $"filters used: {string.Join(",", decoded.FilterTypes.Distinct())} (the round trip should exercise several)");
    }

    [Fact]
    public void Every_filter_type_round_trips_on_the_edges_of_the_byte_range()
    {
        // 0/255 steps wrap around mod 256 in every predictor; random bytes make each row pick its own filter.
        var random = new Random(1);
        var bytes = new byte[40 * 17 * 3];                                                               // (H, W, C) = (40, 17, 3)
        for (int y = 0; y < 40; y++)
            for (int i = 0; i < 17 * 3; i++)
                bytes[y * 51 + i] = (y % 4) switch { 0 => (byte)random.Next(256), 1 => 255, 2 => (byte)(i * 31), _ => 0 };   // noise, white, a wrapping ramp, black
        using var pixels = torch.tensor(bytes).reshape(40, 17, 3).permute(2, 0, 1).contiguous();       // (3, 40, 17)

        var decoded = DecodedPng.Decode(PngWriter.Encode(pixels));

        Assert.Equal(bytes, decoded.Pixels);
        Assert.Equal(2, decoded.ColorType);                                                              // RGB
    }

    [Fact]
    public void The_same_pixels_give_the_same_bytes()
    {
        using var x = torch.tensor(Enumerable.Range(0, 9 * 13).Select(i => (byte)(i * 37)).ToArray()).reshape(1, 9, 13);
        Assert.Equal(PngWriter.Encode(x), PngWriter.Encode(x.clone()));
    }

    [Fact]
    public void A_tensor_that_is_not_uint8_C_H_W_is_refused_with_its_shape()
    {
        using var f = torch.rand(1, 4, 4);
        Assert.Contains("Float32 (1, 4, 4)", Assert.Throws<ArgumentException>(() => PngWriter.Encode(f)).Message);
        using var two = torch.zeros([2, 4, 4], dtype: ScalarType.Byte);
        Assert.Contains("(2, 4, 4)", Assert.Throws<ArgumentException>(() => PngWriter.Encode(two)).Message);
    }
}
