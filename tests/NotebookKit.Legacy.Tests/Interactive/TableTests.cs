using NotebookKit.Interactive;

namespace NotebookKit.Tests.Interactive;

public class TableTests
{
    [Fact]
    public void RendersAlignedTextAndAnHtmlTable()
    {
        var t = new Table("model", "MSE") { Title = "Reconstruction" }.AddRow("PCA", 0.015142).AddRow("AE <32>", 0.0091f);
        Assert.Equal("Reconstruction\nmodel    MSE\n-------  --------\nPCA      0.015142\nAE <32>    0.0091", t.ToString().Replace("\r", ""));
        var bundle = Formatting.ToMimeBundle(t);
        Assert.Equal(["text/html", "text/plain"], bundle.MimeTypes);
        Assert.Contains("<caption>Reconstruction</caption>", bundle["text/html"]);
        Assert.Contains("<td>AE &lt;32&gt;</td><td style=\"text-align:right\">0.0091</td>", bundle["text/html"]);
    }

    [Fact]
    public void ARowOfTheWrongWidthNamesTheColumns()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Table("a", "b").AddRow(1));
        Assert.Contains("1 cells for 2 columns (a, b)", ex.Message);
    }
}
