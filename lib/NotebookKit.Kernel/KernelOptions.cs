namespace NotebookKit.Kernel;

/// <summary>Settings of a <see cref="CSharpKernel"/>.</summary>
public sealed class KernelOptions
{
    /// <summary>The notebook's folder: relative <c>#r</c> paths resolve against it. Default: the current directory.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Per-cell time limit; <see cref="Timeout.InfiniteTimeSpan"/> for none. Default: 10 minutes.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a timed-out or cancelled cell gets to notice <see cref="Interactive.KernelInterrupt"/> before the
    /// kernel gives up on it and reports itself stuck. Default: 2 seconds.
    /// </summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Namespaces every cell imports, as .NET Interactive's C# kernel does.</summary>
    public IReadOnlyList<string> Imports { get; init; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text",
        "System.Threading", "System.Threading.Tasks", "System.Diagnostics", "NotebookKit.Interactive",
    ];
}
