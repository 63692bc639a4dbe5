using System.Collections;
using System.Reflection;

namespace NotebookKit.Interactive;

/// <summary>
/// The display host inside a .NET Interactive kernel: a <see cref="Display.Show"/> or <see cref="DisplayHandle.Update"/>
/// from library code (a live <c>Progress</c> chart) becomes a <c>DisplayedValueProduced</c> / <c>DisplayedValueUpdated</c>
/// event on the running cell's <c>KernelInvocationContext</c>, with NotebookKit's display id, so the front end replaces the
/// output in place as it does under NotebookKit's own kernel. Bound by reflection, as
/// <see cref="DotNetInteractiveFormatters"/> is; null outside a .NET Interactive cell.
/// </summary>
internal sealed class DotNetInteractiveDisplay : IDisplayHost
{
    private readonly object context;
    private readonly Bindings bindings;

    private DotNetInteractiveDisplay(object context, Bindings bindings) => (this.context, this.bindings) = (context, bindings);

    private static readonly Lazy<Bindings?> Bound = new(Bind);

    /// <summary>A host for the .NET Interactive cell running on this flow, or null (not in .NET Interactive, or between cells).</summary>
    public static IDisplayHost? Current =>
        Bound.Value is { } b && b.Current.GetValue(null) is { } context ? new DotNetInteractiveDisplay(context, b) : null;

    public void Publish(MimeBundle bundle, string? displayId, bool update)
    {
        var values = (IList)Activator.CreateInstance(bindings.FormattedValueList)!;
        foreach (var (mimeType, content) in bundle) values.Add(bindings.FormattedValue.Invoke([mimeType, content]));
        var command = bindings.Command.GetValue(context);
        var id = displayId ?? Display.NewDisplayId();
        var e = update
            ? bindings.Updated.Invoke([bundle, id, command, values])
            : bindings.Produced.Invoke([bundle, command, values, id]);
        bindings.Publish.Invoke(context, [e]);
    }

    private sealed record Bindings(PropertyInfo Current, PropertyInfo Command, MethodInfo Publish, Type FormattedValueList,
        ConstructorInfo FormattedValue, ConstructorInfo Produced, ConstructorInfo Updated);

    /// <summary>The loaded <c>Microsoft.DotNet.Interactive</c> assembly (kernel, invocation context, events), or null.</summary>
    internal static Assembly? CoreAssembly() =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");

    private static Bindings? Bind()
    {
        var core = CoreAssembly();
        var formatting = DotNetInteractiveFormatters.FormatterType()?.Assembly;
        if (core == null || formatting == null) return null;
        const string ns = "Microsoft.DotNet.Interactive";
        var contextType = core.GetType(ns + ".KernelInvocationContext");
        var valueType = formatting.GetType(ns + ".Formatting.FormattedValue");
        var produced = core.GetType(ns + ".Events.DisplayedValueProduced");
        var updated = core.GetType(ns + ".Events.DisplayedValueUpdated");
        var eventType = core.GetType(ns + ".Events.KernelEvent");
        var commandType = core.GetType(ns + ".Commands.KernelCommand");
        if (contextType == null || valueType == null || produced == null || updated == null || eventType == null || commandType == null)
            return Unsupported(core);
        var values = typeof(IReadOnlyCollection<>).MakeGenericType(valueType);
        var b = new Bindings(
            contextType.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)!,
            contextType.GetProperty("Command")!,
            contextType.GetMethod("Publish", [eventType])!,
            typeof(List<>).MakeGenericType(valueType),
            valueType.GetConstructor([typeof(string), typeof(string)])!,
            produced.GetConstructor([typeof(object), commandType, values, typeof(string)])!,
            updated.GetConstructor([typeof(object), typeof(string), commandType, values])!);
        return b.Current == null || b.Command == null || b.Publish == null || b.FormattedValue == null || b.Produced == null || b.Updated == null
            ? Unsupported(core)
            : b;
    }

    private static Bindings Unsupported(Assembly core) => throw new InvalidOperationException(
        $"Microsoft.DotNet.Interactive {core.GetName().Version} does not have the KernelInvocationContext / DisplayedValueProduced / " +
        "DisplayedValueUpdated / FormattedValue members NotebookKit publishes displays with (checked against 1.0.0-beta.26120.1, " +
        "dotnet-interactive 1.0.712001); live displays cannot be shown in this version.");
}
