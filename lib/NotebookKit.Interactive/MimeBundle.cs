using System.Collections;

namespace NotebookKit.Interactive;

/// <summary>
/// One value rendered in several MIME types, most preferred first, as Jupyter's <c>display_data</c> carries it.
/// Contents are text: JSON types (<c>application/*+json</c>) hold JSON text, <c>image/png</c> holds base64.
/// <c>text/plain</c> is always present.
/// </summary>
public sealed class MimeBundle : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> entries = [];

    /// <summary>Adds or replaces one representation.</summary>
    public MimeBundle Set(string mimeType, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        int i = entries.FindIndex(e => e.Key == mimeType);
        if (i >= 0) entries[i] = new(mimeType, content);
        else entries.Add(new(mimeType, content));
        return this;
    }

    public bool TryGet(string mimeType, out string content)
    {
        foreach (var e in entries)
            if (e.Key == mimeType) { content = e.Value; return true; }
        content = "";
        return false;
    }

    public string? this[string mimeType] => TryGet(mimeType, out var c) ? c : null;

    public IReadOnlyList<string> MimeTypes => entries.Select(e => e.Key).ToList();

    public int Count => entries.Count;

    /// <summary>True for MIME types whose content is JSON (stored as JSON, not as a string, in .ipynb files).</summary>
    public static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => this["text/plain"] ?? "";
}
