using System.Text.Json.Nodes;
using NotebookKit.Interactive;

namespace NotebookKit.Kernel.Notebooks;

/// <summary>
/// An executed notebook as a standalone <see cref="HtmlPage"/>: markdown cells rendered, code with its
/// execution count, and every output (figures drawn by the embedded plotly.js, PNG images, streams, errors).
/// </summary>
public static class NotebookHtml
{
    public static HtmlPage ToPage(Notebook notebook, string title)
    {
        var page = new HtmlPage(title);
        foreach (var cell in notebook.Cells)
        {
            if (cell.CellType == "markdown") { page.AddMarkdownHtml(Markdown.ToHtml(cell.Source)); continue; }
            if (!cell.IsCode) continue;
            page.AddCode(cell.Source, cell.ExecutionCount);
            foreach (var output in cell.Outputs.OfType<JsonObject>()) AddOutput(page, output);
        }
        return page;
    }

    private static void AddOutput(HtmlPage page, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                page.AddStream(output["name"]?.GetValue<string>() ?? "stdout", NotebookJson.Text(output["text"]));
                break;
            case "display_data" or "execute_result":
                page.AddOutput(Bundle(output["data"] as JsonObject));
                break;
            case "error":
                page.AddError(output["ename"]?.GetValue<string>() ?? "Error", output["evalue"]?.GetValue<string>() ?? "",
                    (output["traceback"] as JsonArray)?.Select(l => l?.GetValue<string>() ?? "") ?? []);
                break;
        }
    }

    /// <summary>nbformat output data → MIME bundle: JSON types back to JSON text, line arrays joined.</summary>
    public static MimeBundle Bundle(JsonObject? data)
    {
        var bundle = new MimeBundle();
        if (data == null) return bundle.Set("text/plain", "");
        foreach (var (mime, value) in data)
            bundle.Set(mime, MimeBundle.IsJson(mime) ? value?.ToJsonString() ?? "null" : NotebookJson.Text(value));
        return bundle;
    }
}
