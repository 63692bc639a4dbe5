using System.Text.Json.Nodes;
using NotebookKit.Interactive;
using NotebookKit.Kernel.Notebooks;

namespace NotebookKit.Jupyter;

/// <summary>
/// Writes the kernelspec <c>csharp-notebookkit/kernel.json</c>, whose argv runs this very dll with the host that runs
/// it now: <c>["/usr/bin/dotnet", "/abs/…/NotebookKit.Jupyter.dll", "{connection_file}"]</c>, and beside it
/// <c>plotly.min.js</c> (the set-up's vendor copy) with a <c>kernel.js</c> that the classic Jupyter Notebook loads when
/// the kernel starts: it points require.js's <c>plotly</c> module at that copy (served at
/// <c>kernelspecs/csharp-notebookkit/plotly.min.js</c>), so charts draw without the CDN — offline, in a classroom.
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

    /// <summary>
    /// Writes the kernelspec under <paramref name="kernelsFolder"/>; returns its folder. <paramref name="plotlyJs"/>
    /// (default: the vendor copy found by <see cref="PlotlyJs.Locate"/>) is copied beside it; when there is none, the
    /// kernelspec is still written and <paramref name="warning"/> says that charts in the classic Notebook will need the CDN.
    /// </summary>
    public static string Install(string kernelsFolder, out string? warning, string? plotlyJs = null)
    {
        var folder = Path.Combine(kernelsFolder, Name);
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "kernel.json"), Spec().ToJsonString(new() { WriteIndented = true }) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "kernel.js"), KernelJs);
        warning = null;
        string source;
        try { source = PlotlyJs.Locate(plotlyJs); }
        catch (FileNotFoundException e)
        {
            warning = "plotly.js was not copied into the kernelspec, so the classic Jupyter Notebook will load it from the CDN: " + e.Message;
            return folder;
        }
        AtomicFile.Copy(source, Path.Combine(folder, "plotly.min.js"));
        return folder;
    }

    /// <summary>The classic Notebook's per-kernel extension (an AMD module with <c>onload</c>).</summary>
    public const string KernelJs = $$"""
        // Loaded by the classic Jupyter Notebook when a "C# (NotebookKit)" kernel starts. NotebookKit's charts are
        // text/html that draws with plotly.js through require.js; point its "plotly" module at the copy installed in
        // this kernelspec, so charts draw offline instead of waiting for the CDN.
        define(function () {
          return {
            onload: function () {
              var base = (window.Jupyter && window.Jupyter.notebook && window.Jupyter.notebook.base_url) || "/";
              window.require.config({ paths: { plotly: base + "kernelspecs/{{Name}}/plotly.min" } });
              window.require(["plotly"], function (Plotly) { window.Plotly = window.Plotly || Plotly; });
            }
          };
        });

        """;

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
