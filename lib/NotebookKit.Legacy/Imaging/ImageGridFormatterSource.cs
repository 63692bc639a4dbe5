using System.Net;
using NotebookKit.Interactive;

namespace NotebookKit.Imaging;

/// <summary>
/// Renders <see cref="ImageGrid"/> for notebooks (the convention <see cref="Interactive.TypeFormatterSourceAttribute"/>
/// describes): <c>image/png</c> (base64 PNG), <c>text/html</c> (an inline <c>&lt;img&gt;</c> with its size and alt
/// text, drawn with crisp pixels when zoomed) and <c>text/plain</c> (<see cref="ImageGrid.ToString"/>).
/// </summary>
public sealed class ImageGridFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<ImageGrid>("text/html", (g, w) =>
            w.Write($"<img src=\"data:image/png;base64,{Convert.ToBase64String(g.ToPng())}\" width=\"{g.Width}\" height=\"{g.Height}\" " +
                    $"alt=\"{WebUtility.HtmlEncode(g.Title ?? g.ToString())}\" style=\"image-rendering: pixelated\">")),
        new TypeFormatter<ImageGrid>("image/png", (g, w) => w.Write(Convert.ToBase64String(g.ToPng()))),
        new TypeFormatter<ImageGrid>("text/plain", (g, w) => w.Write(g.ToString())),
    ];
}
