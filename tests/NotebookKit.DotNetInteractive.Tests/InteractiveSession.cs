using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// A real .NET Interactive C# kernel, in process, built as the dotnet-interactive tool builds its <c>csharp</c> kernel:
/// <c>#r "nuget: …"</c> through Microsoft.DotNet.Interactive.PackageManagement (the resolved assemblies are referenced,
/// natives found through its probing roots), a package's kernel extensions (<c>interactive-extensions/dotnet/*.dll</c>,
/// <c>IKernelExtension</c>) loaded as the tool's PackageDirectoryExtensionLoader loads them, <c>display</c> and the other
/// helpers in scope.
/// </summary>
internal sealed class InteractiveSession : IDisposable
{
    private readonly CompositeKernel kernel;

    public InteractiveSession()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(async (k, resolved) =>
            {
                k.AddAssemblyReferences(resolved.SelectMany(r => r.AssemblyPaths));
                foreach (var r in resolved) await LoadExtensionsAsync(k, r.PackageRoot);
            })
            .UseKernelHelpers()
            .UseValueSharing();
        kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
    }

    /// <summary>Submits one cell and collects what it showed.</summary>
    public async Task<CellRun> RunAsync(string code)
    {
        var result = await kernel.SendAsync(new SubmitCode(code));
        return new CellRun(code, result.Events);
    }

    /// <summary>Sends .NET Interactive's <c>Cancel</c>, as Polyglot Notebooks' Stop and Jupyter's interrupt do, while a cell runs.</summary>
    public Task CancelAsync() => kernel.SendAsync(new Cancel());

    public void Dispose() => kernel.Dispose();

    private static readonly HashSet<string> LoadedExtensions = [];

    private static async Task LoadExtensionsAsync(Kernel k, string packageRoot)
    {
        var folder = Path.Combine(packageRoot, "interactive-extensions", "dotnet");
        if (!Directory.Exists(folder)) return;
        foreach (var dll in Directory.GetFiles(folder, "*.dll"))
        {
            lock (LoadedExtensions)
                if (!LoadedExtensions.Add(System.Reflection.AssemblyName.GetAssemblyName(dll).FullName)) continue;
            var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
            foreach (var type in assembly.ExportedTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
                await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(k);
        }
    }
}

/// <summary>One cell's events, read as a notebook reads them: display outputs (MIME type → content), text, errors.</summary>
internal sealed class CellRun(string code, IReadOnlyList<KernelEvent> events)
{
    public string Code { get; } = code;

    /// <summary>New displays and trailing values (not updates), each as its MIME types and contents.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Displays =>
        events.Where(e => e is DisplayedValueProduced or ReturnValueProduced).Cast<DisplayEvent>()
              .Select(d => (IReadOnlyDictionary<string, string>)d.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value)).ToList();

    /// <summary>In-place updates of earlier displays (live progress charts).</summary>
    public IReadOnlyList<DisplayedValueUpdated> Updates => events.OfType<DisplayedValueUpdated>().ToList();

    /// <summary>What a saved notebook holds for the cell: each display in its last state (updates applied in place).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FinalDisplays
    {
        get
        {
            var order = new List<string>();
            var latest = new Dictionary<string, IReadOnlyDictionary<string, string>>();
            foreach (var d in events.OfType<DisplayEvent>().Where(e => e is DisplayedValueProduced or DisplayedValueUpdated or ReturnValueProduced))
            {
                var id = d.ValueId ?? Guid.NewGuid().ToString();
                if (!latest.ContainsKey(id)) order.Add(id);
                latest[id] = d.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value);
            }
            return order.Select(id => latest[id]).ToList();
        }
    }

    public string StandardOutput => string.Concat(events.OfType<StandardOutputValueProduced>().SelectMany(e => e.FormattedValues).Select(v => v.Value));

    public string StandardError => string.Concat(events.OfType<StandardErrorValueProduced>().SelectMany(e => e.FormattedValues).Select(v => v.Value));

    /// <summary>The failure message (compile errors, exceptions) or null when the cell succeeded.</summary>
    public string? Failure => events.OfType<CommandFailed>().FirstOrDefault() is { } f ? f.Message + (f.Exception != null ? "\n" + f.Exception : "") : null;

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() =>
        $"cell:\n{Code}\nfailure: {Failure ?? "none"}\nstdout: {StandardOutput}\nstderr: {StandardError}\ndisplays: " +
        string.Join("; ", Displays.Select(d => "[" + string.Join(", ", d.Keys) + "]"));
}
