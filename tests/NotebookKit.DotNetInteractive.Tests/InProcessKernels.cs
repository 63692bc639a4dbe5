namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// The tests that run .NET Interactive kernels in this process, one at a time: .NET Interactive's formatter registry is
/// process-wide, a notebook's relative <c>#r</c> resolves against the process's current directory, and two restores or
/// trainings at once only slow each other down on two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessKernels
{
    public const string Name = "in-process .NET Interactive kernels";
}
