namespace NotebookKit.Jupyter.Wire;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings in UTF-16 units.</summary>
internal static class CodePoints
{
    public static int Count(string s) => FromUtf16(s, s.Length);

    public static int ToUtf16(string s, int codePoints)
    {
        int i = 0;
        for (int n = 0; n < codePoints && i < s.Length; n++) i += char.IsSurrogatePair(s, i) ? 2 : 1;
        return i;
    }

    public static int FromUtf16(string s, int index)
    {
        int n = 0;
        for (int i = 0; i < index && i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) n++;
        return n;
    }
}
