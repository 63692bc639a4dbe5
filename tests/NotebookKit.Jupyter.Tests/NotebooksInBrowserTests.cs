using System.Text.Json.Nodes;
using NotebookKit.Kernel.Notebooks;
using Xunit.Abstractions;
using static NotebookKit.Jupyter.Tests.JupyterEnvironment;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// What a student does: Debian's Jupyter Notebook serves a course notebook on 127.0.0.1, headless Chromium opens it,
/// the "C# (NotebookKit)" kernel starts from its kernelspec, Cell ▸ Run All runs every cell (fast-mode parameters
/// injected), and then the page must show every Plotly chart drawn (an <c>svg.main-svg</c> inside each chart's div —
/// with plotly.js served from the kernelspec, since this machine has no CDN), every image grid decoded, no error
/// output, and every code cell executed.
/// </summary>
[Collection(JupyterClientsCollection.Name)]
public class NotebooksInBrowserTests(ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks() => CourseNotebooks();

    [BrowserJupyterTheory]
    [MemberData(nameof(Notebooks))]
    public void RunAllInJupyterNotebookDrawsEveryChartAndImage(string name)
    {
        EnsureReleaseLibrary();
        using var dir = new TempDir();
        var jupyterPath = InstallKernelSpec(Path.Combine(dir.Path, "prefix"));
        // The served root mirrors the repository where the notebook's `#r "../lib/…"` line looks.
        var root = Directory.CreateDirectory(Path.Combine(dir.Path, "root")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "lib"), Path.Combine(RepoRoot, "lib"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        var source = Path.Combine(RepoRoot, "notebooks", name);
        var prep = Run("dotnet", [KernelDll, "prepare", source, Path.Combine(root, "notebooks", name), "--fast"]);
        Assert.True(prep.Exit == 0, prep.Output);

        var dataRoot = Environment.GetEnvironmentVariable("NOTEBOOKKIT_DATA") is { Length: > 0 } d ? d : Path.Combine(RepoRoot, "data");
        using var server = new NotebookServer(root, Directory.CreateDirectory(Path.Combine(dir.Path, "home")).FullName, jupyterPath,
            new Dictionary<string, string> { ["NOTEBOOKKIT_DATA"] = dataRoot });
        using var browser = new DevToolsBrowser();
        try
        {
            browser.Navigate(server.NotebookUrl($"notebooks/{name}"));
            browser.WaitUntil("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() " +
                              "&& Jupyter.notebook.kernel.name === 'csharp-notebookkit' && Jupyter.notebook.kernel.info_reply.status === 'ok'",
                TimeSpan.FromMinutes(3), "the notebook page to load and the C# (NotebookKit) kernel to answer kernel_info");
            browser.WaitUntil("window.Plotly && typeof window.Plotly.newPlot === 'function'", TimeSpan.FromSeconds(60),
                "the kernelspec's kernel.js to load plotly.js from the kernelspec folder");

            browser.Evaluate("document.querySelector('#run_all_cells > a').click()");
            browser.WaitUntil(
                "(function () { var cells = Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; });" +
                "  if (cells.some(function (c) { return c.input_prompt_number === '*'; })) return false;" +
                "  return document.querySelector('.output_error') !== null ||" +
                "    cells.every(function (c) { return typeof c.input_prompt_number === 'number'; }); })()",
                TimeSpan.FromMinutes(15), $"Run All of {name} to finish");
            // Plotly draws synchronously after its bundle is loaded; give layout a moment to settle anyway.
            browser.WaitUntil("Array.prototype.every.call(document.querySelectorAll('#notebook .nbkit-plotly'), " +
                              "function (d) { return d.querySelector('svg.main-svg') !== null; })",
                TimeSpan.FromSeconds(30), "every chart div to contain a drawn svg.main-svg");

            var page = browser.Evaluate("""
                (function () {
                  var cells = Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; });
                  var charts = document.querySelectorAll('#notebook .output_area .nbkit-plotly');
                  var images = document.querySelectorAll('#notebook .output_area img[src^="data:image/png"]');
                  return {
                    codeCells: cells.length,
                    executed: cells.filter(function (c) { return typeof c.input_prompt_number === 'number'; }).length,
                    errors: Array.prototype.map.call(document.querySelectorAll('#notebook .output_error'),
                      function (e) { return e.innerText.slice(0, 600); }),
                    charts: charts.length,
                    // Drawn: plotly.js finished newPlot (_fullLayout), made the svg, and put the traces in it (trace
                    // groups: .trace for scatter/bar, .contour, .hm for heatmaps, .im for image traces — an animation of
                    // image grids shows its frames as one image trace).
                    chartsDrawn: Array.prototype.filter.call(charts, function (d) {
                      return d._fullLayout && d.querySelector('svg.main-svg') !== null && (d.data || []).length > 0 &&
                        d.querySelectorAll('.trace, .contour, .hm, .im').length > 0; }).length,
                    images: images.length,
                    imagesDecoded: Array.prototype.filter.call(images, function (i) { return i.complete && i.naturalWidth > 0; }).length,
                    traces: Array.prototype.map.call(charts, function (d) {
                      return (d.data || []).length + '/' + d.querySelectorAll('.trace, .contour, .hm, .im').length; }).join(' ')
                  };
                })()
                """)!.AsObject();
            log.WriteLine($"{name}: {page.ToJsonString()}");
            foreach (var e in browser.PageErrors) log.WriteLine("page: " + e);

            var errors = page["errors"]!.AsArray();
            Assert.True(errors.Count == 0, $"{name}: error output in the browser:\n{string.Join("\n---\n", errors)}");
            Assert.Equal(page["codeCells"]!.GetValue<int>(), page["executed"]!.GetValue<int>());

            var (figures, images) = CommittedFiguresAndImages(source);
            int charts = page["charts"]!.GetValue<int>(), drawn = page["chartsDrawn"]!.GetValue<int>();
            int imgs = page["images"]!.GetValue<int>(), decoded = page["imagesDecoded"]!.GetValue<int>();
            Assert.True(charts >= figures, $"{name}: {charts} chart divs on the page, the committed notebook has {figures} Plotly figures.");
            Assert.True(drawn == charts, $"{name}: only {drawn} of {charts} charts were drawn by plotly.js.");
            Assert.True(imgs >= images, $"{name}: {imgs} PNG images on the page, the committed notebook has {images}.");
            Assert.True(decoded == imgs, $"{name}: only {decoded} of {imgs} PNG images decoded.");
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), $"nbk-browser-{Path.GetFileNameWithoutExtension(name)}.png");
            try { browser.Screenshot(shot); log.WriteLine($"screenshot: {shot}"); } catch (Exception e) { log.WriteLine("no screenshot: " + e.Message); }
            log.WriteLine("jupyter-notebook log:\n" + server.Log);
            foreach (var e in browser.PageErrors) log.WriteLine("page: " + e);
            throw;
        }
    }

    /// <summary>Plotly figures and PNG images among the committed (full-run) notebook's outputs.</summary>
    private static (int Figures, int Images) CommittedFiguresAndImages(string path)
    {
        int figures = 0, images = 0;
        foreach (var cell in Notebook.Load(path).Cells.Where(c => c.IsCode))
            foreach (var o in cell.Outputs.OfType<JsonObject>())
                if (o["data"] is JsonObject data)
                {
                    if (data.ContainsKey("application/vnd.plotly.v1+json")) figures++;
                    if (data.ContainsKey("image/png")) images++;
                }
        return (figures, images);
    }
}
