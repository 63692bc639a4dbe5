namespace NotebookKit.Jupyter.Tests;

/// <summary>A fact that needs libzmq and Debian's python jupyter packages: skipped (saying why) only when they are missing and NOTEBOOKKIT_REQUIRE_JUPYTER is not 1.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (!JupyterEnvironment.Required && !(JupyterEnvironment.LibzmqAvailable && JupyterEnvironment.PythonJupyterAvailable))
            Skip = JupyterEnvironment.Missing;
    }
}

/// <summary>The theory form of <see cref="JupyterFactAttribute"/>.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (!JupyterEnvironment.Required && !(JupyterEnvironment.LibzmqAvailable && JupyterEnvironment.PythonJupyterAvailable))
            Skip = JupyterEnvironment.Missing;
    }
}

/// <summary>A fact that needs only libzmq (the C# test client speaks the protocol itself).</summary>
public sealed class ZmqFactAttribute : FactAttribute
{
    public ZmqFactAttribute()
    {
        if (!JupyterEnvironment.Required && !JupyterEnvironment.LibzmqAvailable) Skip = JupyterEnvironment.Missing;
    }
}

/// <summary>
/// A theory that needs Debian's jupyter-notebook server and Chromium besides libzmq: skipped (saying why) only when one
/// is missing and neither NOTEBOOKKIT_REQUIRE_JUPYTER nor NOTEBOOKKIT_REQUIRE_BROWSER is 1.
/// </summary>
public sealed class BrowserJupyterTheoryAttribute : TheoryAttribute
{
    public BrowserJupyterTheoryAttribute()
    {
        bool required = JupyterEnvironment.Required || Environment.GetEnvironmentVariable(NotebookKit.Testing.Chromium.RequireVariable) == "1";
        if (required) return;
        if (!JupyterEnvironment.LibzmqAvailable || !File.Exists(NotebookServer.Executable))
            Skip = JupyterEnvironment.Missing;
        else if (NotebookKit.Testing.Chromium.Executable == null)
            Skip = "Chromium is missing (bash environment/setup-browser.sh installs it); set NOTEBOOKKIT_REQUIRE_BROWSER=1 to fail instead of skipping.";
    }
}

/// <summary>A theory that needs Jupyter's python packages and the dotnet-interactive kernel (skipped, saying why, unless required).</summary>
public sealed class DotNetInteractiveTheoryAttribute : TheoryAttribute
{
    public DotNetInteractiveTheoryAttribute()
    {
        if (JupyterEnvironment.Required) return;
        if (!JupyterEnvironment.PythonJupyterAvailable) Skip = JupyterEnvironment.Missing;
        else if (!DotNetInteractiveTool.Installed) Skip = DotNetInteractiveTool.Missing;
    }
}
