namespace NotebookKit.Tests.Models;

/// <summary>Tests that read torch's global generator run alone: a test running in parallel would draw from it too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRngCollection
{
    public const string Name = "global torch generator";
}
