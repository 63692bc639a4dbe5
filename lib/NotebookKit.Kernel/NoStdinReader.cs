namespace NotebookKit.Kernel;

/// <summary>The console input during a cell: a headless run has no one to type, so reading fails at once instead of hanging.</summary>
internal sealed class NoStdinReader : TextReader
{
    public override int Peek() => throw Error();
    public override int Read() => throw Error();
    public override int Read(char[] buffer, int index, int count) => throw Error();
    public override string? ReadLine() => throw Error();
    public override string ReadToEnd() => throw Error();

    private static InvalidOperationException Error() => new(
        "Console input is not available: a notebook cell has no stdin (headless run). " +
        "Set the value in the cell or make it a parameter (-p Name Value) instead of reading it.");
}
