namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// Microsoft's dotnet-interactive tool and its <c>.net-csharp</c> kernelspec, as environment/setup-dotnet-interactive.sh
/// installs them (the global tool in ~/.dotnet/tools, the kernelspec in the user's Jupyter data folder).
/// </summary>
internal static class DotNetInteractiveTool
{
    public static string ToolsFolder { get; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    public static string Executable => Path.Combine(ToolsFolder, "dotnet-interactive");

    public static string KernelSpec => Path.Combine(
        Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter"),
        "kernels", ".net-csharp", "kernel.json");

    public static bool Installed => File.Exists(Executable) && File.Exists(KernelSpec);

    public const string Missing = "dotnet-interactive 1.0.712001 or its .net-csharp kernelspec is missing (bash environment/setup-dotnet-interactive.sh " +
                                  "installs both); set NOTEBOOKKIT_REQUIRE_JUPYTER=1 to fail instead of skipping.";

    /// <summary>The environment a front end gives the kernel: the kernelspec runs <c>dotnet interactive</c>, which finds the tool on PATH.</summary>
    public static Dictionary<string, string> KernelEnvironment() => new()
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") + ":" + ToolsFolder,
        ["OMP_WAIT_POLICY"] = "PASSIVE",
    };
}
