using System.Text.Json.Nodes;

namespace NotebookKit.Jupyter;

/// <summary>
/// Writes the kernelspec <c>csharp-notebookkit/kernel.json</c>, whose argv runs this very dll with the host that runs
/// it now: <c>["/usr/bin/dotnet", "/abs/…/NotebookKit.Jupyter.dll", "{connection_file}"]</c>.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Name = "csharp-notebookkit", DisplayName = "C# (NotebookKit)";

    /// <summary>
    /// The kernels folder: <c>--prefix P</c> → <c>P/share/jupyter/kernels</c>; otherwise (<c>--user</c>, the
    /// default) <c>$JUPYTER_DATA_DIR/kernels</c> or <c>~/.local/share/jupyter/kernels</c>.
    /// </summary>
    public static string KernelsFolder(string? prefix)
    {
        if (prefix != null) return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter");
        return Path.Combine(data, "kernels");
    }

    /// <summary>Writes the kernelspec under <paramref name="kernelsFolder"/>; returns its folder.</summary>
    public static string Install(string kernelsFolder)
    {
        var folder = Path.Combine(kernelsFolder, Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), Spec().ToJsonString(new() { WriteIndented = true }) + "\n");
        return folder;
    }

    public static JsonObject Spec()
    {
        var dll = typeof(KernelSpecInstaller).Assembly.Location;
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return new JsonObject
        {
            ["argv"] = new JsonArray(host, dll, "{connection_file}"),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }
}
