using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Kernel.Running;

/// <summary>
/// papermill's parameters for C#: the cell tagged <c>parameters</c> declares defaults (<c>int Epochs = 10;</c>), and
/// the runner inserts a cell tagged <c>injected-parameters</c> right after it with the overrides as assignments
/// (<c>Epochs = 1;</c>), each value parsed as the declared type. Fast mode is the parameter <c>FastMode</c>
/// (<c>bool FastMode = false;</c>), which <c>--fast</c> sets to true.
/// </summary>
public static partial class NotebookParameters
{
    public const string ParametersTag = "parameters", InjectedTag = "injected-parameters", FastMode = "FastMode";

    [GeneratedRegex(@"^\s*(?:(?:public|static|const)\s+)*(?<type>int|long|float|double|bool|string|var)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>[^;]+?)\s*;", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    /// <summary>The simple declarations of a parameters cell, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declared(string code) =>
        Declaration().Matches(code).Select(m => new ParameterDeclaration(
            m.Groups["name"].Value,
            m.Groups["type"].Value == "var" ? InferType(m.Groups["value"].Value) : m.Groups["type"].Value,
            m.Groups["value"].Value)).ToList();

    /// <summary>
    /// Replaces any earlier injected cell with one holding <paramref name="overrides"/>; returns the parameters in
    /// effect (defaults, then overrides) as source literals. Errors name the parameter, its type and the value.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Inject(Notebook notebook, IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var old in notebook.Cells.Where(c => c.HasTag(InjectedTag))) notebook.RemoveCell(old);
        var cells = notebook.Cells;
        int at = cells.ToList().FindIndex(c => c.IsCode && c.HasTag(ParametersTag));
        var declared = at >= 0 ? Declared(cells[at].Source) : [];
        var effective = declared.ToDictionary(d => d.Name, d => d.Default);
        if (overrides.Count == 0) return effective;
        if (at < 0)
            throw new ArgumentException($"the notebook has no code cell tagged '{ParametersTag}', so it takes no parameters " +
                                        $"(given: {string.Join(", ", overrides.Keys)}).");
        var lines = new List<string> { "// Parameters injected by the runner" };
        foreach (var (name, value) in overrides)
        {
            var d = declared.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException(
                $"unknown parameter '{name}'" + (name == FastMode ? $" (--fast needs 'bool {FastMode} = false;' in the parameters cell)" : "") +
                $"; the parameters cell declares: {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Select(p => $"{p.Type} {p.Name}")))}.");
            var literal = Literal(d, value);
            lines.Add($"{name} = {literal};");
            effective[name] = literal;
        }
        notebook.InsertCell(at + 1, NotebookCell.Create("code", string.Join("\n", lines) + "\n", InjectedTag));
        return effective;
    }

    /// <summary><paramref name="value"/> as a C# literal of the declared type.</summary>
    public static string Literal(ParameterDeclaration p, string value)
    {
        var inv = CultureInfo.InvariantCulture;
        string? literal = p.Type switch
        {
            "int" => int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : null,
            "long" => long.TryParse(value.TrimEnd('L', 'l'), NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : null,
            "float" => float.TryParse(value.TrimEnd('f', 'F'), NumberStyles.Float, inv, out var f) && float.IsFinite(f) ? f.ToString("R", inv) + "f" : null,
            "double" => double.TryParse(value.TrimEnd('d', 'D'), NumberStyles.Float, inv, out var x) && double.IsFinite(x) ? x.ToString("R", inv) + "d" : null,
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : null,
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            _ => null,
        };
        return literal ?? throw new ArgumentException($"parameter '{p.Name}' is declared {p.Type} (default {p.Default}), and '{value}' is not a valid {p.Type}.");
    }

    private static string InferType(string literal)
    {
        var v = literal.Trim();
        if (v.StartsWith('"') || v.StartsWith('@')) return "string";
        if (v is "true" or "false") return "bool";
        if (v.EndsWith('f') || v.EndsWith('F')) return "float";
        if (v.EndsWith('L') || v.EndsWith('l')) return "long";
        if (v.EndsWith('d') || v.EndsWith('D') || v.Contains('.') || v.Contains('e') || v.Contains('E')) return "double";
        return "int";
    }
}
