using NotebookKit.Display;

namespace NotebookKit.Tests.TestSupport;

/// <summary>Small real PNG images (8-bit RGB) for tests that need one, drawn from a pixel function and encoded by the
/// library's <see cref="PngWriter"/> (itself checked against an independent decoder in PngWriterTests).</summary>
internal static class TinyPng
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> PNG whose pixel (x, y) has colour <paramref name="pixel"/>(x, y).</summary>
    public static byte[] Create(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var rgb = new byte[height * width * 3];
        for (int y = 0, i = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                rgb[i++] = r; rgb[i++] = g; rgb[i++] = b;
            }
        return PngWriter.Encode(rgb, width, height, channels: 3);
    }

    /// <summary>The same as <see cref="Create"/>, as the base64 text an <c>image/png</c> MIME entry holds.</summary>
    public static string Base64(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel) =>
        Convert.ToBase64String(Create(width, height, pixel));
}
