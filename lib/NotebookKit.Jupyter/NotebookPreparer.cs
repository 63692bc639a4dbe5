using NotebookKit.Kernel.Notebooks;
using NotebookKit.Kernel.Running;

namespace NotebookKit.Jupyter;

/// <summary>
/// <c>prepare in.ipynb out.ipynb [--fast] [-p Name Value]...</c>: the notebook with outputs cleared and the
/// <c>injected-parameters</c> cell inserted exactly as the headless runner does (<see cref="NotebookParameters.Inject"/>),
/// ready for nbclient or any front end to execute with this kernel.
/// </summary>
public static class NotebookPreparer
{
    public static void Prepare(string input, string output, IReadOnlyDictionary<string, string> parameters, bool fast)
    {
        var notebook = Notebook.Load(input);
        foreach (var c in notebook.Cells) c.ClearOutputs();
        var overrides = new Dictionary<string, string>(parameters);
        if (fast) overrides[NotebookParameters.FastMode] = "true";
        NotebookParameters.Inject(notebook, overrides);
        notebook.Save(output);
    }
}
