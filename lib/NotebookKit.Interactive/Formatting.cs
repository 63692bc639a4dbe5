using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookKit.Interactive;

/// <summary>
/// Turns any value into a <see cref="MimeBundle"/> through the convention-based formatter hook
/// (<see cref="TypeFormatterSourceAttribute"/>, matched by name, searched up the type hierarchy). The notebook
/// runner and the kernel both render every display and every trailing expression value here: one code path.
/// </summary>
public static class Formatting
{
    private sealed record Formatter(string MimeType, Func<object, TextWriter, bool> Format);

    private static readonly ConcurrentDictionary<Type, Formatter[]> Cache = new();
    private static readonly ConcurrentDictionary<Type, Formatter[]> Registered = new();

    /// <summary>
    /// Registers a formatter for a type the caller cannot annotate (Plotly.NET's <c>GenericChart</c>, TorchSharp's
    /// <c>Tensor</c>): <paramref name="format"/> returns the content, or null to decline. It applies to
    /// <typeparamref name="T"/> and every type derived from it, is tried before attribute-declared formatters, and a later
    /// registration for the same type and MIME type replaces the earlier one (re-running a notebook cell is harmless).
    /// In a .NET Interactive kernel the type's formatters are registered there as well
    /// (<see cref="DotNetInteractiveFormatters"/>), with these MIME types plus <c>text/plain</c> as its preferred set.
    /// </summary>
    public static void Register<T>(string mimeType, Func<T, string?> format)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentNullException.ThrowIfNull(format);
        var formatter = new Formatter(mimeType, (o, w) =>
        {
            if (o is not T value || format(value) is not { } text) return false;
            w.Write(text);
            return true;
        });
        var all = Registered.AddOrUpdate(typeof(T), [formatter],
            (_, old) => [.. old.Where(f => f.MimeType != mimeType), formatter]);
        Cache.Clear();
        DotNetInteractiveFormatters.Forward(typeof(T), mimeType, [.. all.Select(f => f.MimeType).Append("text/plain").Distinct()]);
    }

    /// <summary>One MIME representation of <paramref name="value"/> (the first formatter that gives it; <c>text/plain</c> always).</summary>
    internal static bool TryFormat(object? value, string mimeType, out string content)
    {
        content = "";
        if (value == null) return false;
        foreach (var f in FormattersFor(value.GetType()))
        {
            if (f.MimeType != mimeType) continue;
            var w = new StringWriter();
            if (!f.Format(value, w)) continue;
            content = w.ToString();
            return true;
        }
        if (mimeType != "text/plain") return false;
        content = PlainText(value);
        return true;
    }

    /// <summary>All MIME representations the value's formatters give, plus <c>text/plain</c> (its ToString) if none gave it.</summary>
    public static MimeBundle ToMimeBundle(object? value)
    {
        var bundle = new MimeBundle();
        if (value == null) return bundle.Set("text/plain", "null");
        foreach (var f in FormattersFor(value.GetType()))
        {
            if (bundle.TryGet(f.MimeType, out _)) continue;
            var w = new StringWriter();
            if (f.Format(value, w)) bundle.Set(f.MimeType, w.ToString());
        }
        if (!bundle.TryGet("text/plain", out _)) bundle.Set("text/plain", PlainText(value));
        return bundle;
    }

    /// <summary>True when the value's type declares a formatter source (so hosts show it richly).</summary>
    public static bool HasFormatters(Type type) => FormattersFor(type).Length > 0;

    private static string PlainText(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Formatter[] FormattersFor(Type type) => Cache.GetOrAdd(type, Discover);

    private static Formatter[] Discover(Type type)
    {
        var found = new List<Formatter>();
        for (var t = type; t != null; t = t.BaseType)
            if (Registered.TryGetValue(t, out var own)) found.AddRange(own);
        foreach (var i in type.GetInterfaces())
            if (Registered.TryGetValue(i, out var own)) found.AddRange(own);
        for (var t = type; t != null; t = t.BaseType)
            foreach (var attr in t.GetCustomAttributes(inherit: false))
            {
                var at = attr.GetType();
                if (at.Name != nameof(TypeFormatterSourceAttribute)) continue;
                if (at.GetProperty("FormatterSourceType")?.GetValue(attr) is Type sourceType) found.AddRange(FromSource(sourceType, type));
            }
        return found.ToArray();
    }

    private static IEnumerable<Formatter> FromSource(Type sourceType, Type target)
    {
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Formatter source {sourceType.FullName} for {target.FullName} has no CreateTypeFormatters() method.");
        var source = Activator.CreateInstance(sourceType, nonPublic: true);
        if (create.Invoke(source, null) is not System.Collections.IEnumerable formatters) yield break;
        foreach (var f in formatters)
        {
            var ft = f.GetType();
            var mime = ft.GetProperty("MimeType")?.GetValue(f) as string;
            var format = ft.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (mime == null || format == null || format.ReturnType != typeof(bool))
                throw new InvalidOperationException(
                    $"Formatter {ft.FullName} (for {target.FullName}) needs 'string MimeType' and 'bool Format(object, TextWriter)'.");
            yield return new Formatter(mime, (o, w) => (bool)format.Invoke(f, [o, w])!);
        }
    }
}
