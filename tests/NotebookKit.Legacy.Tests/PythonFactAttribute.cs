namespace NotebookKit.Tests;

/// <summary>
/// A <see cref="FactAttribute"/> that is skipped, with a message saying why, only when no python3 exists;
/// when Python is present the test runs and its assertions count.
/// </summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (TestPaths.Python is null)
            Skip = "python3 not found (set NOTEBOOKKIT_PYTHON or install python3); the Python interop check did not run.";
    }
}
