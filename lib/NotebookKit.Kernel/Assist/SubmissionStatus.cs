namespace NotebookKit.Kernel.Assist;

/// <summary>Whether a cell can run as typed (Jupyter's <c>is_complete_reply</c> status).</summary>
public enum SubmissionStatus
{
    /// <summary>Parses as a whole submission.</summary>
    Complete,
    /// <summary>Needs more lines (an open brace, an unfinished statement).</summary>
    Incomplete,
    /// <summary>Complete but will not parse (a stray brace): running it shows the error.</summary>
    Invalid,
}
