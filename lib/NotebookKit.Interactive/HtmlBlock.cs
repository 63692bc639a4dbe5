namespace NotebookKit.Interactive;

/// <summary>
/// One piece of an exported page (<see cref="HtmlPage"/>): a markdown cell rendered to HTML, a code cell, or one
/// of its outputs (a MIME bundle, stream text, an error). Made by the static factories, immutable.
/// </summary>
/// <example><code>
/// var blocks = new[] { HtmlBlock.Markdown("&lt;h1&gt;VAE&lt;/h1&gt;"), HtmlBlock.Code("model.Forward(X)", 3), HtmlBlock.Output(bundle) };
/// </code></example>
public sealed class HtmlBlock
{
    private HtmlBlock(HtmlBlockKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public HtmlBlockKind Kind { get; }

    /// <summary>Markdown HTML, code source, stream text, or the error's value (<c>evalue</c>).</summary>
    public string Text { get; }

    /// <summary>Code: the execution count shown as <c>In [n]:</c> (null shows <c>In [ ]:</c>).</summary>
    public int? ExecutionCount { get; private init; }

    /// <summary>Output: the MIME bundle to show.</summary>
    public MimeBundle? Bundle { get; private init; }

    /// <summary>Stream: <c>stdout</c> or <c>stderr</c>. Error: the exception name (<c>ename</c>).</summary>
    public string Name { get; private init; } = "";

    /// <summary>Error: the traceback lines, which may hold ANSI colour codes.</summary>
    public IReadOnlyList<string> Traceback { get; private init; } = [];

    /// <summary>A markdown cell already rendered to HTML (inserted as is: it must come from a trusted renderer).</summary>
    public static HtmlBlock Markdown(string html) => new(HtmlBlockKind.Markdown, html ?? "");

    /// <summary>A code cell; <paramref name="executionCount"/> labels it <c>In [n]:</c>.</summary>
    public static HtmlBlock Code(string source, int? executionCount = null) =>
        new(HtmlBlockKind.Code, source ?? "") { ExecutionCount = executionCount };

    /// <summary>A rendered value; the page shows its richest type (see <see cref="HtmlPage"/>).</summary>
    public static HtmlBlock Output(MimeBundle bundle) =>
        new(HtmlBlockKind.Output, "") { Bundle = bundle ?? throw new ArgumentNullException(nameof(bundle)) };

    /// <summary>Stream text; <paramref name="name"/> is <c>stdout</c> or <c>stderr</c> (stderr is shown tinted).</summary>
    public static HtmlBlock Stream(string name, string text)
    {
        if (name != "stdout" && name != "stderr")
            throw new ArgumentException($"HtmlBlock.Stream: name must be \"stdout\" or \"stderr\", got \"{name}\".", nameof(name));
        return new(HtmlBlockKind.Stream, text ?? "") { Name = name };
    }

    /// <summary>An error output as Jupyter records it (<c>ename</c>, <c>evalue</c>, <c>traceback</c>).</summary>
    public static HtmlBlock Error(string ename, string evalue, IEnumerable<string>? traceback = null) =>
        new(HtmlBlockKind.Error, evalue ?? "") { Name = ename ?? "", Traceback = traceback?.ToArray() ?? [] };
}
