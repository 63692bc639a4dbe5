namespace NotebookKit.Interactive;

/// <summary>What an <see cref="HtmlBlock"/> holds; mirrors a notebook's cells and output types.</summary>
public enum HtmlBlockKind
{
    /// <summary>Markdown already rendered to HTML, inserted as is.</summary>
    Markdown,
    /// <summary>Source code, escaped, with an <c>In [n]:</c> label.</summary>
    Code,
    /// <summary>A display or execute result: a <see cref="MimeBundle"/>.</summary>
    Output,
    /// <summary>Text written to stdout or stderr.</summary>
    Stream,
    /// <summary>An exception: name, value and traceback (ANSI colours stripped).</summary>
    Error,
}
