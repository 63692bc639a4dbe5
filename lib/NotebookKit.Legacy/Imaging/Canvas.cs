namespace NotebookKit.Imaging;

/// <summary>An 8-bit greyscale or RGB pixel buffer that grids are drawn into before PNG encoding.</summary>
internal sealed class Canvas
{
    public Canvas(int width, int height, int channels, byte background)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = new byte[checked(width * height * channels)];
        Array.Fill(Pixels, background);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 (grey) or 3 (RGB, interleaved).</summary>
    public int Channels { get; }

    public byte[] Pixels { get; }

    /// <summary>Sets every channel of the pixel to <paramref name="value"/>; points outside the canvas are skipped.</summary>
    public void Set(int x, int y, byte value)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        int i = (y * Width + x) * Channels;
        for (int c = 0; c < Channels; c++) Pixels[i + c] = value;
    }

    public void FillRect(int x, int y, int w, int h, byte value)
    {
        for (int yy = y; yy < y + h; yy++)
            for (int xx = x; xx < x + w; xx++) Set(xx, yy, value);
    }

    /// <summary>
    /// Copies one image (<paramref name="planes"/>: C planes of H·W bytes, C = 1 or 3) to (x, y), each pixel
    /// a <paramref name="scale"/>×<paramref name="scale"/> block (nearest neighbour).
    /// </summary>
    public void Blit(ReadOnlySpan<byte> planes, int c, int h, int w, int x0, int y0, int scale)
    {
        for (int y = 0; y < h * scale; y++)
        {
            int row = (y0 + y) * Width;
            int sy = y / scale;
            for (int x = 0; x < w * scale; x++)
            {
                int src = sy * w + x / scale;
                int dst = (row + x0 + x) * Channels;
                for (int k = 0; k < Channels; k++)
                    Pixels[dst + k] = planes[(c == 1 ? 0 : k) * h * w + src];
            }
        }
    }
}
