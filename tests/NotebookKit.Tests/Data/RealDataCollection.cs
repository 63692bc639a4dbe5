namespace NotebookKit.Tests.Data;

/// <summary>Tests that read the data root run one at a time (one test changes NOTEBOOKKIT_DATA).</summary>
[CollectionDefinition(Name)]
public sealed class RealDataCollection
{
    public const string Name = "Real data";
}
