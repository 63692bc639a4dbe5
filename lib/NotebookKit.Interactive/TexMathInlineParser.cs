using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace NotebookKit.Interactive;

/// <summary>
/// <c>$…$</c> and <c>$$…$$</c> inside a paragraph, heading or table cell, as Jupyter reads them: the TeX is taken
/// verbatim (no Markdown escapes or emphasis inside) and may run over several lines of the paragraph. Pandoc's rules
/// keep prices prose: an opening <c>$</c> is followed by a non-space, a closing <c>$</c> follows a non-space and is not
/// followed by a digit, so "$5 and $10" stays text; <c>\$</c> is a dollar inside and outside TeX.
/// </summary>
internal sealed class TexMathInlineParser : InlineParser
{
    public TexMathInlineParser() => OpeningCharacters = ['$'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int open = slice.Start, last = slice.End;
        if (open > 0 && text[open - 1] == '$') return false; // the second '$' of a '$$' that did not close
        int delimiters = open + 1 <= last && text[open + 1] == '$' ? 2 : 1;
        int from = open + delimiters;
        int close = delimiters == 2 ? DisplayClose(text, from, last) : InlineClose(text, from, last);
        if (close < 0) return false;

        var math = new MathInline
        {
            Delimiter = '$',
            DelimiterCount = delimiters,
            Content = new StringSlice(text, from, close - 1),
            Span = new SourceSpan(processor.GetSourcePosition(open, out int line, out int column), processor.GetSourcePosition(close + delimiters - 1)),
            Line = line,
            Column = column,
        };
        processor.Inline = math;
        slice.Start = close + delimiters;
        return true;
    }

    /// <summary>The index of the closing <c>$$</c> (content not blank), or -1.</summary>
    private static int DisplayClose(string text, int from, int last)
    {
        for (int i = from; i < last; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '$' && text[i + 1] == '$')
                return string.IsNullOrWhiteSpace(text[from..i]) ? -1 : i;
        }
        return -1;
    }

    /// <summary>The index of the closing <c>$</c> by pandoc's rules, or -1.</summary>
    private static int InlineClose(string text, int from, int last)
    {
        if (from > last || char.IsWhiteSpace(text[from]) || text[from] == '$') return -1;
        for (int i = from; i <= last; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] != '$') continue;
            bool closes = !char.IsWhiteSpace(text[i - 1]) && (i == last || !char.IsAsciiDigit(text[i + 1]));
            if (closes) return i;
            if (i < last && text[i + 1] == '$') return -1; // a '$$' inside: not this formula's end, and no formula
        }
        return -1;
    }
}
