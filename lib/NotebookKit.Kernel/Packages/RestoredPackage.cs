namespace NotebookKit.Kernel.Packages;

/// <summary>One package of a restored closure, with the files this process needs from it.</summary>
/// <param name="Name">The package id as the sources spell it.</param>
/// <param name="Version">The version restore chose.</param>
/// <param name="Assemblies">Absolute paths of its runtime assemblies for this framework (and RID, when it ships RID-specific ones).</param>
/// <param name="Natives">Absolute paths of its native libraries for this RID.</param>
internal sealed record RestoredPackage(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Natives);
