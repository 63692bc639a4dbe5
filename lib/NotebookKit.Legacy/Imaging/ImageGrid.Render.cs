namespace NotebookKit.Imaging;

// Layout and drawing. All sizes in output pixels:
//   cell = (W·scale) × (H·scale + captionBand); cells are separated and framed by `padding`;
//   the title band sits above everything.
public sealed partial class ImageGrid
{
    /// <summary>Caption band under each image: one pixel of space, the glyphs, one pixel of space.</summary>
    internal const int CaptionBand = BitmapFont.Height + 2;

    private int CellWidth => ImageWidth * Scale;

    private int CaptionHeight => captions is null ? 0 : CaptionBand;

    private int CellHeight => ImageHeight * Scale + CaptionHeight;

    /// <summary>Top-left corner of the image in grid cell (row, column).</summary>
    internal (int X, int Y) CellOrigin(int row, int column) => Origin(row, column, TitleScale());

    private Canvas Render()
    {
        int gridWidth = Columns * (CellWidth + Padding) + Padding;
        int titleScale = TitleScale(gridWidth);
        int height = TitleHeight(titleScale) + Rows * (CellHeight + Padding) + Padding;
        var canvas = new Canvas(gridWidth, height, Channels, padByte);
        byte ink = padByte < 128 ? (byte)255 : (byte)0;

        if (Title != null)
        {
            var text = BitmapFont.Fit(Title, gridWidth - 4, titleScale);
            BitmapFont.Draw(canvas, text, (gridWidth - BitmapFont.Measure(text, titleScale)) / 2, 2 + Padding, ink, titleScale);
        }

        int imageSize = Channels * ImageHeight * ImageWidth;
        for (int cell = 0; cell < cells.Length; cell++)
        {
            int i = cells[cell];
            if (i < 0) continue;
            var (x, y) = Origin(cell / Columns, cell % Columns, titleScale);
            canvas.Blit(images.AsSpan(i * imageSize, imageSize), Channels, ImageHeight, ImageWidth, x, y, Scale);
            if (captions is null || captions[i].Length == 0) continue;
            var caption = BitmapFont.Fit(captions[i], CellWidth);
            BitmapFont.Draw(canvas, caption, x + (CellWidth - BitmapFont.Measure(caption)) / 2, y + ImageHeight * Scale + 1, ink);
        }
        return canvas;
    }

    private (int X, int Y) Origin(int row, int column, int titleScale) =>
        (Padding + column * (CellWidth + Padding), TitleHeight(titleScale) + Padding + row * (CellHeight + Padding));

    // Titles are drawn at twice the font size when they fit, else at 1×.
    private int TitleScale(int? gridWidth = null)
    {
        if (Title is null) return 0;
        int w = gridWidth ?? Columns * (CellWidth + Padding) + Padding;
        return BitmapFont.Measure(Title, 2) <= w - 4 ? 2 : 1;
    }

    private int TitleHeight(int titleScale) => Title is null ? 0 : BitmapFont.Height * titleScale + 4;
}
