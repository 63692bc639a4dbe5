using NotebookKit.Display;
using NotebookKit.Interactive;

namespace NotebookKit.Tests.Display;

public class TableTests
{
    [Fact]
    public void Text_aligns_numbers_right_and_html_escapes_cells()
    {
        var table = new Table("model", "MSE") { Title = "Reconstruction", NumberFormat = "F3" }
            .AddRow("PCA", 0.01512).AddRow("<AE>", 0.0091);
        var bundle = Formatting.ToMimeBundle(table);
        Assert.Equal("Reconstruction\nmodel  MSE\n-----  -----\nPCA    0.015\n<AE>   0.009", bundle["text/plain"]!.Replace("\r", ""));
        var html = bundle["text/html"]!;
        Assert.Contains("<caption>Reconstruction</caption>", html);
        Assert.Contains("<td>&lt;AE&gt;</td><td style=\"text-align:right\">0.009</td>", html);
        Assert.Contains("3 cells for 2 columns", Assert.Throws<ArgumentException>(() => table.AddRow(1, 2, 3)).Message);
    }
}
