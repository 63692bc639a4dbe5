using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using NotebookKit.Testing;

namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// Every course notebook, prepared for fast mode exactly as for NotebookKit's own hosts (no per-host edits), run cell by
/// cell in a real .NET Interactive C# kernel: <c>#r "nuget: …"</c> restored by its PackageManagement, the relative
/// <c>#r "../lib/…"</c> resolved against the notebook's folder (the kernel's base directory is the process's current
/// directory, which front ends set to the notebook's folder: so does this test), every check cell passing, no error
/// output, and as many charts and image grids as the committed full run shows, each with its MIME types.
/// </summary>
[Collection(InProcessKernels.Name)]
public sealed class NotebooksInDotNetInteractiveTests
{
    private const string Plotly = "application/vnd.plotly.v1+json";

    public static TheoryData<string> Notebooks() => new(CourseNotebooks.Names());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task RunsInFastModeWithEveryCheckPassing(string name)
    {
        NotebookLibraries.EnsureRelease(CourseNotebooks.RepoRoot);
        var prepared = Path.Combine(Path.GetTempPath(), $"nbkit-dni-{Environment.ProcessId}-{name}");
        CourseNotebooks.PrepareFast(name, prepared);
        var document = Notebook.Parse(File.ReadAllText(prepared));
        File.Delete(prepared);

        var cwd = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(CourseNotebooks.Folder);
        try
        {
            using var session = new InteractiveSession();
            var displays = new List<IReadOnlyDictionary<string, string>>();
            int checks = 0, index = 0;
            foreach (var cell in document.Elements)
            {
                index++;
                if (cell.KernelName == "markdown") continue;
                var tags = Tags(cell);
                if (tags.Contains("skip-execution")) continue;
                var run = await session.RunAsync(cell.Contents);
                if (tags.Contains("raises-exception")) { Assert.True(run.Failure != null, $"{name} cell {index} should throw:\n{run}"); continue; }
                Assert.True(run.Failure == null, $"{name} cell {index}{(tags.Contains("check") ? " (check)" : "")} failed in .NET Interactive:\n{run}");
                Assert.True(run.StandardError.Length == 0, $"{name} cell {index} wrote to stderr:\n{run}");
                if (tags.Contains("check")) checks++;
                displays.AddRange(run.FinalDisplays);
            }

            var committed = Notebook.Parse(File.ReadAllText(Path.Combine(CourseNotebooks.Folder, name)));
            Assert.Equal(committed.Elements.Count(e => Tags(e).Contains("check")), checks);
            var charts = displays.Where(d => d.ContainsKey(Plotly)).ToList();
            var grids = displays.Where(d => d.TryGetValue("text/html", out var h) && h.Contains("class=\"nbkit-grid\"")).ToList();
            var (committedCharts, committedGrids) = Count(committed);
            Assert.True(charts.Count >= committedCharts, $"{name}: {charts.Count} charts, the committed run shows {committedCharts}");
            Assert.True(grids.Count >= committedGrids, $"{name}: {grids.Count} image grids, the committed run shows {committedGrids}");
            foreach (var chart in charts)
            {
                Assert.Equal([Plotly, "text/html", "text/plain"], chart.Keys.Order(StringComparer.Ordinal).ToArray());
                using var figure = JsonDocument.Parse(chart[Plotly]);
                Assert.Equal(JsonValueKind.Array, figure.RootElement.GetProperty("data").ValueKind);
                Assert.Contains("Plotly.newPlot", chart["text/html"]);
            }
            foreach (var grid in grids)
            {
                // display(grid) goes through .NET Interactive's fixed set (text/html, image/png, text/plain), where a titled
                // grid's PNG is empty (it declines: the title is in the HTML); Display.Show and live updates carry the bundle.
                Assert.Contains("<img src=\"data:image/png;base64,", grid["text/html"]);
                Assert.StartsWith("ImageGrid", grid["text/plain"]);
                if (grid.TryGetValue("image/png", out var png) && png.Length > 0)
                    Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(png)[..4]);
                else if (png != null) // only a grid with a title or captions declines its PNG
                    Assert.Matches("font-weight:bold|text-overflow:ellipsis", grid["text/html"]);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }
    }

    /// <summary>Charts (plotly figure outputs) and image grids (PNG or the grid's HTML) a notebook's saved outputs hold.</summary>
    private static (int Charts, int Grids) Count(InteractiveDocument notebook)
    {
        var outputs = notebook.Elements.SelectMany(e => e.Outputs)
            .Select(o => o switch { DisplayElement d => d.Data, ReturnValueElement r => r.Data, _ => null }).OfType<IDictionary<string, object>>().ToList();
        return (outputs.Count(d => d.ContainsKey(Plotly)),
                outputs.Count(d => d.ContainsKey("image/png") || (d.TryGetValue("text/html", out var h) && Text(h).Contains("nbkit-grid"))));
    }

    private static string Text(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } a => string.Concat(a.EnumerateArray().Select(l => l.GetString())),
        IEnumerable<object> lines => string.Concat(lines),
        _ => $"{value}",
    };

    private static HashSet<string> Tags(InteractiveDocumentElement cell)
    {
        if (cell.Metadata is null || !cell.Metadata.TryGetValue("tags", out var tags)) return [];
        return tags switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(t => t.GetString()!).ToHashSet(),
            IEnumerable<object> list => list.Select(t => $"{t}").ToHashSet(),
            _ => [],
        };
    }
}
