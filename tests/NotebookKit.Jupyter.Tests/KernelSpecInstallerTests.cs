using System.Text.Json.Nodes;

namespace NotebookKit.Jupyter.Tests;

/// <summary>The kernelspec folder: kernel.json as the Jupyter docs define it, plus kernel.js and plotly.js for the classic Notebook.</summary>
public class KernelSpecInstallerTests
{
    [Fact]
    public void InstallWritesKernelJsonKernelJsAndTheGivenPlotlyCopy()
    {
        using var dir = new TempDir();
        var plotly = Path.Combine(dir.Path, "plotly.min.js");
        File.WriteAllText(plotly, "/* plotly stand-in */");
        var folder = KernelSpecInstaller.Install(Path.Combine(dir.Path, "kernels"), out var warning, plotly);

        Assert.Null(warning);
        Assert.Equal(Path.Combine(dir.Path, "kernels", "csharp-notebookkit"), folder);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!.AsObject();
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal("{connection_file}", argv[^1]);
        Assert.EndsWith("NotebookKit.Jupyter.dll", argv[^2]);
        Assert.Equal("C# (NotebookKit)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());

        var js = File.ReadAllText(Path.Combine(folder, "kernel.js"));
        Assert.Contains("onload", js);
        Assert.Contains("kernelspecs/csharp-notebookkit/plotly.min", js);
        Assert.Equal("/* plotly stand-in */", File.ReadAllText(Path.Combine(folder, "plotly.min.js")));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void WithoutPlotlyTheKernelspecIsStillWrittenAndTheWarningSaysHowToFetchIt()
    {
        using var dir = new TempDir();
        var folder = KernelSpecInstaller.Install(Path.Combine(dir.Path, "kernels"), out var warning, Path.Combine(dir.Path, "missing.js"));

        Assert.True(File.Exists(Path.Combine(folder, "kernel.json")));
        Assert.True(File.Exists(Path.Combine(folder, "kernel.js")));
        Assert.False(File.Exists(Path.Combine(folder, "plotly.min.js")));
        Assert.NotNull(warning);
        Assert.Contains("CDN", warning);
        Assert.Contains("environment/fetch-assets.sh", warning);
    }
}
