using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using NotebookKit.Testing;

namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// Every course notebook carries the kernel info VS Code's Polyglot Notebooks reads from an .ipynb
/// (<c>metadata.polyglot_notebook.kernelInfo</c>), in the shape .NET Interactive's own KernelInfoCollection reads:
/// default kernel <c>csharp</c>, one kernel <c>csharp</c> whose language is C#.
/// </summary>
public sealed class NotebookMetadataTests
{
    public static TheoryData<string> Notebooks() => new(CourseNotebooks.Names());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void PolyglotKernelInfoSaysCSharp(string name)
    {
        var notebook = Notebook.Parse(File.ReadAllText(Path.Combine(CourseNotebooks.Folder, name)));
        Assert.True(notebook.Metadata.TryGetValue("polyglot_notebook", out var polyglot) && polyglot is IDictionary<string, object>,
            $"{name} has no metadata.polyglot_notebook (run /usr/bin/python3 tools/notebooks/add_polyglot_metadata.py notebooks/{name})");
        // Polyglot Notebooks hands metadata.polyglot_notebook.kernelInfo to .NET Interactive as the document's kernelInfo.
        var document = new InteractiveDocument();
        document.Metadata["kernelInfo"] = ((IDictionary<string, object>)polyglot!)["kernelInfo"];

        Assert.Equal("csharp", document.GetDefaultKernelName());
        var kernel = Assert.Single(document.GetKernelInfo()!);
        Assert.Equal(("csharp", "C#"), (kernel.Name, kernel.LanguageName));
    }
}
