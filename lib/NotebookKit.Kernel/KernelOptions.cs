namespace NotebookKit.Kernel;

/// <summary>Settings of a <see cref="CSharpKernel"/>.</summary>
public sealed class KernelOptions
{
    /// <summary>The notebook's folder: relative <c>#r</c> paths resolve against it. Default: the current directory.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Per-cell time limit, a guard against hangs; <see cref="Timeout.InfiniteTimeSpan"/> for none. Default: 30 minutes (a full run's longest training cell passed 10 minutes on a loaded 2-core machine).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a timed-out or cancelled cell gets to notice <see cref="Interactive.KernelInterrupt"/> before the
    /// kernel gives up on it and reports itself stuck. Default: 2 seconds.
    /// </summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where resolved <c>#r "nuget: …"</c> package sets are cached (and their consolidated native folders kept), so a
    /// warm run does no <c>dotnet restore</c>. Default: <c>~/.cache/notebookkit/nuget</c> (or under <c>$XDG_CACHE_HOME</c>).
    /// </summary>
    public string PackageCacheDirectory { get; init; } = Packages.PackageCache.DefaultDirectory;

    /// <summary>Namespaces every cell imports, as .NET Interactive's C# kernel does.</summary>
    public IReadOnlyList<string> Imports { get; init; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text",
        "System.Threading", "System.Threading.Tasks", "System.Diagnostics", "NotebookKit.Interactive",
    ];
}
