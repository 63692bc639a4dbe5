using NotebookKit.Interactive;
using NotebookKit.Tests.Data;

namespace NotebookKit.Tests.Interactive;

public class PlotlyJsTests
{
    [Fact]
    public void ExplicitPathThenEnvironmentThenRepositorySearch()
    {
        using var folder = new TempFolder();
        var repo = Directory.CreateDirectory(folder["repo"]).FullName;
        File.WriteAllText(Path.Combine(repo, "NotebookKit.sln"), "");
        var vendored = Path.Combine(repo, "vendor", "plotly", "plotly.min.js");
        Directory.CreateDirectory(Path.GetDirectoryName(vendored)!);
        File.WriteAllText(vendored, "/* plotly */");
        var nested = Directory.CreateDirectory(Path.Combine(repo, "notebooks", "vae")).FullName;
        var other = folder["other.js"];
        File.WriteAllText(other, "");

        Assert.Equal(vendored, PlotlyJs.Search(null, null, [nested]));
        Assert.Equal(other, PlotlyJs.Search(null, other, [nested]));
        Assert.Equal(other, PlotlyJs.Search(other, "/no/such/file.js", [nested]));
    }

    [Fact]
    public void MissingVendorFolderNamesTheRootAndTheCommand()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["NotebookKit.sln"], "");

        var e = Assert.Throws<FileNotFoundException>(() => PlotlyJs.Search(null, null, [folder.Path]));

        Assert.Contains($"vendor/plotly/plotly.min.js is missing in {folder.Path}", e.Message);
        Assert.Contains("bash environment/fetch-assets.sh", e.Message);
        Assert.Contains("NOTEBOOKKIT_PLOTLY_JS", e.Message);
    }

    [Fact]
    public void EnvironmentPointingNowhereIsAnError()
    {
        var e = Assert.Throws<FileNotFoundException>(() => PlotlyJs.Search(null, "/no/such/plotly.js", []));
        Assert.Contains("/no/such/plotly.js (from NOTEBOOKKIT_PLOTLY_JS)", e.Message);
        Assert.Contains("bash environment/fetch-assets.sh", e.Message);
    }
}
