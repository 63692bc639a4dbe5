using System.Text.Json;

namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// Every value NotebookKit shows, shown by a real .NET Interactive CSharpKernel with the library loaded: the MIME types
/// .NET Interactive emits (it emits exactly the type's preferred set) and what each holds.
/// </summary>
[Collection(InProcessKernels.Name)]
public sealed class DisplayMimeTypesTests(CourseSession course) : IClassFixture<CourseSession>
{
    private const string Plotly = "application/vnd.plotly.v1+json";

    private async Task<IReadOnlyDictionary<string, string>> ShowAsync(string code)
    {
        var run = await course.Session.RunAsync(code);
        Assert.True(run.Failure == null, run.ToString());
        return Assert.Single(run.Displays);
    }

    [Fact]
    public async Task ChartIsPlotlyJsonOfflineHtmlAndText()
    {
        var shown = await ShowAsync("""Chart.Line<double, double, string>(x: new[] { 1.0, 2, 3 }, y: new[] { 1.0, 4, 9 }, Name: "squares")""");

        Assert.Equal([Plotly, "text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        using var figure = JsonDocument.Parse(shown[Plotly]);
        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("squares", trace.GetProperty("name").GetString());
        Assert.Equal([1.0, 4, 9], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("Plotly.newPlot", shown["text/html"]);
        Assert.DoesNotContain("cdn.plot.ly", shown["text/html"]);
        Assert.Equal("Chart with 1 trace", shown["text/plain"]);
    }

    [Fact]
    public async Task DisplayCallShowsTheSameMimeTypesAsATrailingValue()
    {
        var shown = await ShowAsync("""display(Chart.Point<double, double, string>(x: new[] { 1.0 }, y: new[] { 2.0 }));""");
        Assert.Equal([Plotly, "text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task ImageGridIsPngHtmlAndText()
    {
        var shown = await ShowAsync("ImageGrid.From(torch.rand(4, 1, 8, 8), nrow: 2)");

        Assert.Equal(["image/png", "text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        var png = Convert.FromBase64String(shown["image/png"]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("<img src=\"data:image/png;base64,", shown["text/html"]);
        Assert.StartsWith("ImageGrid: 4 images 8×8 in 2×2", shown["text/plain"]);
    }

    [Theory]
    [InlineData("""ImageGrid.From(torch.rand(3, 1, 8, 8), nrow: 2, padding: 1, scale: 1, title: "Fashion", captions: new[] { "shirt", "<bag>", "boot" })""")]
    [InlineData("""display(ImageGrid.From(torch.rand(3, 1, 8, 8), nrow: 2, padding: 1, scale: 1, title: "Fashion", captions: new[] { "shirt", "<bag>", "boot" }));""")]
    public async Task TitledCaptionedImageGridIsAWholePngBesideItsHtml(string code)
    {
        var shown = await ShowAsync(code);

        Assert.Equal(["image/png", "text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        var png = Convert.FromBase64String(shown["image/png"]);
        Assert.True(png.Length > 0, "the grid's image/png is empty");              // .NET Interactive's empty entry before the fix
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int BigEndian(int at) => png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
        Assert.Equal((2 * (8 + 1) + 1, 2 * (8 + 1) + 1), (BigEndian(16), BigEndian(20)));   // 2×2 cells of 8 px, padding 1
        Assert.Contains("Fashion", shown["text/html"]);
        Assert.Contains("&lt;bag&gt;", shown["text/html"]);
        Assert.StartsWith("ImageGrid \"Fashion\": 3 images 8×8 in 2×2", shown["text/plain"]);
    }

    [Fact]
    public async Task TensorIsItsShapeAndValues()
    {
        var shown = await ShowAsync("torch.ones(2, 3)");

        Assert.Equal(["text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.StartsWith("tensor (2, 3) float32 cpu\n", shown["text/plain"]);
        Assert.StartsWith("<pre class=\"nbkit-tensor\">tensor (2, 3) float32 cpu", shown["text/html"]);
    }

    [Fact]
    public async Task TableIsHtmlAndAlignedText()
    {
        var shown = await ShowAsync("""new Table("model", "MSE per pixel").AddRow("PCA", 0.0151).AddRow("AE", 0.0091)""");

        Assert.Equal(["text/html", "text/plain"], shown.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("<td>PCA</td><td style=\"text-align:right\">0.0151</td>", shown["text/html"]);
        Assert.Matches(@"\nAE +0\.0091$", shown["text/plain"]);
    }

    [Fact]
    public async Task ProgressIsOneLiveDisplayUpdatedInPlace()
    {
        var run = await course.Session.RunAsync("""
            using (var progress = new Progress(total: 3, title: "fit"))
                for (int step = 1; step <= 3; step++) progress.Report(step, ("loss", 1.0 / step));
            """);

        Assert.True(run.Failure == null, run.ToString());
        var first = Assert.Single(run.Displays);
        Assert.Equal(["text/html", "text/plain"], first.Keys.Order(StringComparer.Ordinal).ToArray()); // no metrics yet: no chart
        Assert.NotEmpty(run.Updates);
        var last = run.Updates[^1].FormattedValues.ToDictionary(v => v.MimeType, v => v.Value);
        Assert.Equal([Plotly, "text/html", "text/plain"], last.Keys.Order(StringComparer.Ordinal).ToArray());
        using var figure = JsonDocument.Parse(last[Plotly]);
        Assert.Equal([1.0, 0.5, 1.0 / 3], figure.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.StartsWith("fit  100% |####################| 3/3", last["text/plain"]);
        Assert.Empty(run.StandardOutput); // the text bar is for consoles; here the display is the progress
    }
}
