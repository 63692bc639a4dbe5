using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookKit.Interactive;

namespace NotebookKit.Kernel.Notebooks;

/// <summary>
/// A <see cref="MimeBundle"/> as the <c>data</c> of an output: JSON MIME types as JSON values, images as bare
/// base64, text as one string (Jupyter messages) or as a line array (.ipynb files); <c>text/plain</c> always present.
/// </summary>
public static class MimeData
{
    public static JsonObject ToJson(MimeBundle bundle, bool textAsLines)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in bundle)
            data[mime] = mime switch
            {
                _ when MimeBundle.IsJson(mime) => ParseJson(mime, content),
                "image/png" or "image/jpeg" or "image/gif" => string.Concat(content.Where(c => !char.IsWhiteSpace(c))),
                _ => textAsLines ? NotebookJson.Lines(content) : content,
            };
        if (!data.ContainsKey("text/plain")) data["text/plain"] = textAsLines ? new JsonArray() : "";
        return data;
    }

    private static JsonNode? ParseJson(string mime, string content)
    {
        try { return JsonNode.Parse(content); }
        catch (JsonException e) { throw new InvalidDataException($"A formatter's {mime} output is not valid JSON: {e.Message}"); }
    }
}
