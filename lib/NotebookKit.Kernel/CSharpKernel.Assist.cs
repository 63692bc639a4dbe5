using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookKit.Kernel.Assist;

namespace NotebookKit.Kernel;

// Completion and inspection for front ends (Jupyter's complete_request / inspect_request), answered from the
// semantic model of the cell compiled on top of the script state: what earlier cells declared is known.
public sealed partial class CSharpKernel
{
    private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType |
                           SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
                              SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    /// <summary>
    /// Names that fit at <paramref name="cursor"/> (a UTF-16 offset): after <c>expr.</c> the members of the
    /// expression's type (or of the type or namespace named), otherwise every symbol in scope; filtered by the
    /// identifier typed so far, exact-case matches first.
    /// </summary>
    public CompletionResult Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var (model, tree) = Analyse(code);
        var symbols = MemberAccessTarget(tree, model, start) is { } target
            ? Members(model, start, target)
            : model.LookupSymbols(start).Where(s => s.CanBeReferencedByName).Select(s => s.Name)
                .Concat(SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText));
        var matches = symbols.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && n != prefix || n == prefix)
            .Distinct().OrderBy(n => n.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
        return new CompletionResult(matches, start, cursor);
    }

    /// <summary>The signature and XML doc summary of the symbol at (or just before) <paramref name="cursor"/>, or null.</summary>
    public string? Inspect(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, tree) = Analyse(code);
        var root = tree.GetRoot();
        foreach (int at in new[] { cursor, cursor - 1 })
        {
            if (at < 0 || at >= code.Length && at != 0) continue;
            var token = root.FindToken(Math.Min(at, Math.Max(0, code.Length - 1)));
            for (var node = token.Parent; node != null; node = node.Parent)
            {
                var symbol = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault()
                             ?? model.GetDeclaredSymbol(node);
                if (symbol == null) { if (node is StatementSyntax or MemberDeclarationSyntax) break; continue; }
                var text = symbol.ToDisplayString(SignatureFormat);
                var summary = DocumentationLookup.Summary(symbol);
                return summary == null ? text : $"{text}\n\n{summary}";
            }
        }
        return null;
    }

    /// <summary>The cell compiled as the next submission (directive lines blanked, positions kept) and its syntax tree.</summary>
    private (SemanticModel Model, SyntaxTree Tree) Analyse(string code)
    {
        var source = Directive().Replace(code, m => new string(' ', m.Length));
        var previous = state;
        var script = previous == null
            ? CSharpScript.Create<object>(source, scriptOptions, typeof(KernelGlobals))
            : previous.Script.ContinueWith<object>(source, scriptOptions);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree);
    }

    /// <summary>For <c>expr.na|</c> the node left of the dot (whose members complete), else null.</summary>
    private static ExpressionSyntax? MemberAccessTarget(SyntaxTree tree, SemanticModel model, int start)
    {
        int dot = start - 1;
        var text = tree.GetText().ToString();
        while (dot >= 0 && char.IsWhiteSpace(text[dot])) dot--;
        if (dot < 0 || text[dot] != '.') return null;
        var token = tree.GetRoot().FindToken(dot);
        return token.Parent switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            MemberBindingExpressionSyntax b when b.Parent?.Parent is ConditionalAccessExpressionSyntax c => c.Expression,
            _ => null,
        };
    }

    private static IEnumerable<string> Members(SemanticModel model, int position, ExpressionSyntax target)
    {
        var info = model.GetSymbolInfo(target);
        var named = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (named is INamespaceOrTypeSymbol container)
            return (container is INamespaceSymbol ns
                    ? model.LookupNamespacesAndTypes(position, ns)
                    : model.LookupStaticMembers(position, container))
                .Where(s => s.CanBeReferencedByName).Select(s => s.Name);
        var type = model.GetTypeInfo(target).Type;
        if (type == null || type.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
            .Where(s => s.CanBeReferencedByName && !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null })
            .Select(s => s.Name);
    }

    [GeneratedRegex(@"^[ \t]*#(r|load|!|i\b).*$", RegexOptions.Multiline)]
    private static partial Regex Directive();
}
