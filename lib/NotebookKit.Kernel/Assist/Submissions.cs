using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookKit.Kernel.Assist;

/// <summary>Roslyn's answer to "is this cell finished?", as console front ends ask before running a line.</summary>
public static class Submissions
{
    public static readonly CSharpParseOptions ScriptParse = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);

    /// <summary>
    /// <see cref="SyntaxFactory.IsCompleteSubmission"/> on a script parse; a complete submission with syntax errors
    /// is <see cref="SubmissionStatus.Invalid"/>. Whitespace only counts as complete (an empty cell runs).
    /// </summary>
    public static SubmissionStatus Check(string code)
    {
        if (string.IsNullOrWhiteSpace(code)) return SubmissionStatus.Complete;
        var tree = SyntaxFactory.ParseSyntaxTree(code, ScriptParse);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return SubmissionStatus.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? SubmissionStatus.Invalid : SubmissionStatus.Complete;
    }

    /// <summary>The indent a front end should put on the next line of an incomplete cell: the last line's, one level deeper after an open brace.</summary>
    public static string NextIndent(string code)
    {
        var last = code.TrimEnd('\n', '\r').Split('\n')[^1];
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.TrimEnd().EndsWith('{') ? indent + "    " : indent;
    }
}
