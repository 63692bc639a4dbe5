using System.Text.RegularExpressions;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// One <c>#r "nuget: Name, Version"</c> request. A plain version means exactly that version (<c>[1.2.3]</c>), as a
/// notebook user expects from a pinned line; no version means the newest the sources serve (<c>*</c>); ranges and
/// floating versions (<c>[1.0,2.0)</c>, <c>13.*</c>) pass to restore as written.
/// </summary>
/// <param name="Name">The package id as written (ids are case-insensitive).</param>
/// <param name="Version">The version as written, or null.</param>
internal sealed partial record PackageRequest(string Name, string? Version)
{
    /// <summary>The syntax error messages show.</summary>
    public const string Syntax = "#r \"nuget: PackageName, 1.2.3\" (or #r \"nuget: PackageName\" for the newest version)";

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PackageId();

    [GeneratedRegex(@"^(\*|[0-9][0-9A-Za-z.\-+*]*|[\[(][0-9A-Za-z.\-+, ]*[\])])$")]
    private static partial Regex VersionText();

    /// <summary>What restore is asked for: <c>[v]</c> for a plain version, <c>*</c> for none, else as written.</summary>
    public string VersionRange => Version switch
    {
        null => "*",
        _ when Version.Contains('*') || Version.StartsWith('[') || Version.StartsWith('(') => Version,
        _ => $"[{Version}]",
    };

    /// <summary>True when restore picks the version (no version, or a floating one): a cached pick goes stale.</summary>
    public bool IsFloating => VersionRange.Contains('*');

    /// <summary>Parses the text after <c>nuget:</c>; null with <paramref name="error"/> set when it is malformed.</summary>
    public static PackageRequest? Parse(string text, out string? error)
    {
        var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
        error = null;
        if (!PackageId().IsMatch(parts[0]))
            error = parts[0].Length == 0 ? "no package name" : $"'{parts[0]}' is not a package id";
        else if (parts.Length == 2 && !VersionText().IsMatch(parts[1]))
            error = parts[1].Length == 0 ? "an empty version after the comma" : $"'{parts[1]}' is not a version";
        return error != null ? null : new PackageRequest(parts[0], parts.Length == 2 ? parts[1] : null);
    }

    public override string ToString() => Version == null ? Name : $"{Name}, {Version}";
}
