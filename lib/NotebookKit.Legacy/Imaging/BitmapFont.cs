namespace NotebookKit.Imaging;

/// <summary>
/// A small proportional bitmap font for captions and titles: glyphs drawn on a 5×8 grid (capitals and digits
/// 7 rows tall, row 8 for the descenders of g, j, p, q, y and the comma), each glyph as wide as its inked
/// columns plus one column of space. Covers ASCII letters, digits and common punctuation, and ×; any other
/// character is drawn as '?'.
/// </summary>
internal static class BitmapFont
{
    /// <summary>Glyph height in font pixels (cap height 7 plus one descender row).</summary>
    public const int Height = 8;

    private const int SpaceWidth = 3;

    // One glyph per line: the character, then its rows top to bottom ('#' = ink); an omitted 8th row is blank.
    // Capitals and digits are 5 columns wide; most lower-case letters 4 and i, j, l, t, f 3, so that
    // captions such as "T-shirt/top" fit under a 28×28 image at 2× scale.
    private const string Table = """
        0 .###. #...# #..## #.#.# ##..# #...# .###.
        1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
        2 .###. #...# ....# ...#. ..#.. .#... #####
        3 ####. ....# ....# .###. ....# ....# ####.
        4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
        5 ##### #.... ####. ....# ....# #...# .###.
        6 ..##. .#... #.... ####. #...# #...# .###.
        7 ##### ....# ...#. ..#.. .#... .#... .#...
        8 .###. #...# #...# .###. #...# #...# .###.
        9 .###. #...# #...# .#### ....# ...#. .##..
        A .###. #...# #...# ##### #...# #...# #...#
        B ####. #...# #...# ####. #...# #...# ####.
        C .###. #...# #.... #.... #.... #...# .###.
        D ####. #...# #...# #...# #...# #...# ####.
        E ##### #.... #.... ####. #.... #.... #####
        F ##### #.... #.... ####. #.... #.... #....
        G .###. #...# #.... #.### #...# #...# .####
        H #...# #...# #...# ##### #...# #...# #...#
        I ###.. .#... .#... .#... .#... .#... ###..
        J ..### ...#. ...#. ...#. ...#. #..#. .##..
        K #...# #..#. #.#.. ##... #.#.. #..#. #...#
        L #.... #.... #.... #.... #.... #.... #####
        M #...# ##.## #.#.# #.#.# #...# #...# #...#
        N #...# #...# ##..# #.#.# #..## #...# #...#
        O .###. #...# #...# #...# #...# #...# .###.
        P ####. #...# #...# ####. #.... #.... #....
        Q .###. #...# #...# #...# #.#.# #..#. .##.#
        R ####. #...# #...# ####. #.#.. #..#. #...#
        S .#### #.... #.... .###. ....# ....# ####.
        T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
        U #...# #...# #...# #...# #...# #...# .###.
        V #...# #...# #...# #...# #...# .#.#. ..#..
        W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
        X #...# #...# .#.#. ..#.. .#.#. #...# #...#
        Y #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..
        Z ##### ....# ...#. ..#.. .#... #.... #####
        a .... .... .##. ...# .### #..# .###
        b #... #... ###. #..# #..# #..# ###.
        c .... .... .### #... #... #... .###
        d ...# ...# .### #..# #..# #..# .###
        e .... .... .##. #..# #### #... .###
        f .## #.. #.. ### #.. #.. #..
        g .... .... .### #..# #..# .### ...# .##.
        h #... #... ###. #..# #..# #..# #..#
        i .#. ... ##. .#. .#. .#. ###
        j ..# ... .## ..# ..# ..# ..# ##.
        k #... #... #..# #.#. ##.. #.#. #..#
        l ##. .#. .#. .#. .#. .#. ###
        m ..... ..... ##.#. #.#.# #.#.# #.#.# #.#.#
        n .... .... ###. #..# #..# #..# #..#
        o .... .... .##. #..# #..# #..# .##.
        p .... .... ###. #..# #..# ###. #... #...
        q .... .... .### #..# #..# .### ...# ...#
        r .... .... #.## ##.. #... #... #...
        s .... .... .### #... .##. ...# ###.
        t .#. .#. ### .#. .#. .#. ..#
        u .... .... #..# #..# #..# #..# .###
        v ..... ..... #...# #...# .#.#. .#.#. ..#..
        w ..... ..... #...# #...# #.#.# #.#.# .#.#.
        x .... .... #..# #..# .##. #..# #..#
        y .... .... #..# #..# #..# .### ...# .##.
        z .... .... #### ..#. .#.. #... ####
        . ..... ..... ..... ..... ..... ..... #....
        , ..... ..... ..... ..... ..... .#... .#... #....
        : ..... ..... #.... ..... ..... #.... .....
        ; ..... ..... .#... ..... ..... .#... .#... #....
        - ..... ..... ..... ###.. ..... ..... .....
        + ..... ..#.. ..#.. ##### ..#.. ..#.. .....
        = ..... ..... ##### ..... ##### ..... .....
        × ..... #...# .#.#. ..#.. .#.#. #...# .....
        / ..# ..# .#. .#. .#. #.. #..
        ( ..#.. .#... #.... #.... #.... .#... ..#..
        ) #.... .#... ..#.. ..#.. ..#.. .#... #....
        [ ###.. #.... #.... #.... #.... #.... ###..
        ] ###.. ..#.. ..#.. ..#.. ..#.. ..#.. ###..
        ' #.... #.... ..... ..... ..... ..... .....
        " #.#.. #.#.. ..... ..... ..... ..... .....
        ! #.... #.... #.... #.... #.... ..... #....
        ? .###. #...# ....# ...#. ..#.. ..... ..#..
        _ ..... ..... ..... ..... ..... ..... ..... #####
        % ##..# ##..# ...#. ..#.. .#... #..## #..##
        # .#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.
        * ..... ..#.. #.#.# .###. #.#.# ..#.. .....
        < ...#. ..#.. .#... #.... .#... ..#.. ...#.
        > #.... .#... ..#.. ...#. ..#.. .#... #....
        | #.... #.... #.... #.... #.... #.... #....
        ~ ..... ..... .#... #.#.# ...#. ..... .....
        """;

    // Per glyph: Height row masks (bit 0 = leftmost inked column) and the width in columns.
    private static readonly Dictionary<char, (byte[] Rows, int Width)> Glyphs = Parse(Table);

    /// <summary>Width in image pixels of <paramref name="text"/> at <paramref name="scale"/>, without trailing space.</summary>
    public static int Measure(string text, int scale = 1)
    {
        int w = 0;
        foreach (var ch in text) w += Advance(ch);
        return Math.Max(0, w - 1) * scale;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxWidth"/> pixels, ending in ".." when cut.</summary>
    public static string Fit(string text, int maxWidth, int scale = 1)
    {
        if (Measure(text, scale) <= maxWidth) return text;
        for (int n = text.Length - 1; n > 0; n--)
        {
            var cut = text[..n].TrimEnd() + "..";
            if (Measure(cut, scale) <= maxWidth) return cut;
        }
        return "";
    }

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (x, y), each font pixel a scale×scale block.</summary>
    public static void Draw(Canvas canvas, string text, int x, int y, byte value, int scale = 1)
    {
        foreach (var ch in text)
        {
            if (ch != ' ')
            {
                var (rows, width) = Glyph(ch);
                for (int r = 0; r < Height; r++)
                    for (int c = 0; c < width; c++)
                        if ((rows[r] >> c & 1) != 0) canvas.FillRect(x + c * scale, y + r * scale, scale, scale, value);
            }
            x += Advance(ch) * scale;
        }
    }

    private static int Advance(char ch) => ch == ' ' ? SpaceWidth : Glyph(ch).Width + 1;

    private static (byte[] Rows, int Width) Glyph(char ch) => Glyphs.TryGetValue(ch, out var g) ? g : Glyphs['?'];

    private static Dictionary<char, (byte[], int)> Parse(string table)
    {
        var glyphs = new Dictionary<char, (byte[], int)>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            var rows = new byte[Height];
            int used = 0;
            for (int r = 0; r < parts.Length - 1; r++)
                for (int c = 0; c < parts[r + 1].Length; c++)
                    if (parts[r + 1][c] == '#') { rows[r] |= (byte)(1 << c); used |= 1 << c; }
            // Shift out blank columns on the left, so each glyph starts at its first inked column.
            int left = System.Numerics.BitOperations.TrailingZeroCount(used);
            for (int r = 0; r < Height; r++) rows[r] >>= left;
            glyphs[parts[0][0]] = (rows, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(used >> left)));
        }
        return glyphs;
    }
}
