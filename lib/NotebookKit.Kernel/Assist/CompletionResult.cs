namespace NotebookKit.Kernel.Assist;

/// <summary>Completions for the text between <paramref name="Start"/> and <paramref name="End"/> (UTF-16 offsets into the cell).</summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int Start, int End);
