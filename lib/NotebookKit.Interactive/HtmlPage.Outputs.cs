using System.Text;
using System.Text.Json;

namespace NotebookKit.Interactive;

// Rendering of single blocks: the MIME type choice and one writer per shown type.
public sealed partial class HtmlPage
{
    internal const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>
    /// The shown types, richest first (after the figure JSON, Jupyter's order: HTML before images, so an image grid shows
    /// its HTML with the title and captions rather than its bare picture); anything else falls back to text/plain.
    /// </summary>
    internal static readonly string[] MimePreference =
        [PlotlyMimeType, "text/html", "image/svg+xml", "image/png", "image/jpeg", "text/plain"];

    /// <summary>The MIME type the page shows for <paramref name="bundle"/>, or null when it has none it can show.</summary>
    internal static string? ChooseMimeType(MimeBundle bundle)
    {
        foreach (var mime in MimePreference)
            if (bundle.TryGet(mime, out _)) return mime;
        return null;
    }

    private static void RenderBlock(StringBuilder sb, HtmlBlock block, ref int figures)
    {
        switch (block.Kind)
        {
            case HtmlBlockKind.Markdown:
                sb.Append("<div class=\"nbk-md\">\n").Append(block.Text).Append("\n</div>\n");
                break;
            case HtmlBlockKind.Code:
                var count = block.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ";
                sb.Append("<div class=\"nbk-in\"><div class=\"nbk-prompt\">In [").Append(count).Append("]:</div>")
                  .Append("<pre class=\"nbk-code\"><code>").Append(HtmlText.Escape(block.Text)).Append("</code></pre></div>\n");
                break;
            case HtmlBlockKind.Stream:
                sb.Append("<div class=\"nbk-out\"><pre class=\"nbk-stream nbk-").Append(block.Name).Append("\">")
                  .Append(HtmlText.Escape(HtmlText.StripAnsi(block.Text))).Append("</pre></div>\n");
                break;
            case HtmlBlockKind.Error:
                RenderError(sb, block);
                break;
            case HtmlBlockKind.Output:
                sb.Append("<div class=\"nbk-out\">");
                RenderBundle(sb, block.Bundle!, ref figures);
                sb.Append("</div>\n");
                break;
        }
    }

    /// <summary>The traceback as Jupyter shows it (it starts with the name and value); "ename: evalue" when there is none.</summary>
    private static void RenderError(StringBuilder sb, HtmlBlock block)
    {
        sb.Append("<div class=\"nbk-out\"><pre class=\"nbk-error\">");
        if (block.Traceback.Count == 0)
            sb.Append("<span class=\"nbk-ename\">").Append(HtmlText.Escape(block.Name)).Append("</span>: ")
              .Append(HtmlText.Escape(HtmlText.StripAnsi(block.Text)));
        else
            sb.Append(HtmlText.Escape(HtmlText.StripAnsi(string.Join("\n", block.Traceback))));
        sb.Append("</pre></div>\n");
    }

    private static void RenderBundle(StringBuilder sb, MimeBundle bundle, ref int figures)
    {
        var mime = ChooseMimeType(bundle);
        var content = mime == null ? "" : bundle[mime]!;
        switch (mime)
        {
            case PlotlyMimeType:
                RenderFigure(sb, content, ++figures);
                break;
            case "image/png" or "image/jpeg":
                // Base64 in notebooks may be wrapped in lines; a data URI must not be.
                var base64 = new string(content.Where(c => !char.IsWhiteSpace(c)).ToArray());
                sb.Append("<img class=\"nbk-image\" alt=\"output image\" src=\"data:").Append(mime).Append(";base64,")
                  .Append(HtmlText.Escape(base64)).Append("\">");
                break;
            case "text/html" or "image/svg+xml":
                sb.Append(content);
                break;
            case "text/plain":
                sb.Append("<pre class=\"nbk-text\">").Append(HtmlText.Escape(HtmlText.StripAnsi(content))).Append("</pre>");
                break;
            default:
                var first = bundle.FirstOrDefault();
                sb.Append("<pre class=\"nbk-text\">").Append(HtmlText.Escape(first.Value ?? "")).Append("</pre>");
                break;
        }
    }

    /// <summary>A div drawn by the page's figure script from the JSON beside it; invalid JSON is marked at once.</summary>
    private static void RenderFigure(StringBuilder sb, string json, int number)
    {
        var id = $"nbk-fig-{number}";
        var problem = CheckFigureJson(json);
        if (problem != null)
        {
            sb.Append("<div class=\"nbk-figure\" id=\"").Append(id).Append("\" data-nbk-state=\"error\">")
              .Append("<pre class=\"nbk-figure-error\">Figure not drawn: ").Append(HtmlText.Escape(problem)).Append("</pre></div>");
            return;
        }
        sb.Append("<div class=\"nbk-figure\" id=\"").Append(id).Append("\" data-nbk-state=\"pending\"></div>")
          .Append("<script type=\"application/json\" id=\"").Append(id).Append("-json\">")
          .Append(HtmlText.JsonForScript(json)).Append("</script>");
    }

    private static string? CheckFigureJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return "the plotly JSON is not an object";
            if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Array)
                return "the plotly JSON's \"data\" is not an array of traces";
            return null;
        }
        catch (JsonException e)
        {
            return $"the plotly JSON is invalid ({e.Message})";
        }
    }
}
