using NotebookKit.Display;
using NotebookKit.Interactive;
using NotebookKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Display;

public class ImageGridTests
{
    /// <summary>The PNG decoded back to bytes (C, H, W) by the tests' own decoder (TestSupport/PngDecoder).</summary>
    private static Tensor Decode(byte[] png)
    {
        var d = DecodedPng.Decode(png);
        return torch.tensor(d.Pixels).reshape(d.Height, d.Width, d.Channels).permute(2, 0, 1).contiguous();
    }

    [Theory]
    [InlineData(5, 3, 1, 2)]
    public void Png_header_has_make_grid_size(int n, int nrow, int padding, int scale)
    {
        using var x = torch.rand(n, 1, 4, 3);                      // H = 4, W = 3
        var grid = ImageGrid.From(x, nrow: nrow, padding: padding, scale: scale);
        var (w, h, depth, color) = Png.Header(grid.ToPng());
        int cols = Math.Min(nrow, n), rows = (n + cols - 1) / cols;
        Assert.Equal(cols * (3 * scale + padding) + padding, w);    // 3·7+1 = 22
        Assert.Equal(rows * (4 * scale + padding) + padding, h);    // 2·9+1 = 19
        Assert.Equal((22, 19), (w, h));
        Assert.Equal((8, 0), (depth, color));                       // 8-bit greyscale
        Assert.Equal((grid.Width, grid.Height), (w, h));
    }

    [Fact]
    public void Flat_784_and_rgb_inputs_give_expected_sizes()
    {
        using var flat = torch.rand(10, 784);
        Assert.Equal((8 * 30 + 2, 2 * 30 + 2), Size(ImageGrid.From(flat, scale: 1)));
        using var rgb = torch.rand(2, 3, 5, 5);
        var g = ImageGrid.From(rgb, padding: 0, scale: 1);
        Assert.Equal((10, 5), Size(g));
        Assert.Equal(2, Png.Header(g.ToPng()).ColorType);          // RGB
    }

    private static (int, int) Size(ImageGrid g) { var h = Png.Header(g.ToPng()); return (h.Width, h.Height); }

    [Fact]
    public void Pixels_of_a_known_input_land_where_make_grid_puts_them()
    {
        // Image k is filled with k/4: bytes 0, 64, 128 (rounded k·63.75 + 0.5); padding 1 of white; nrow 2 leaves one empty cell.
        using var x = torch.arange(3, dtype: ScalarType.Float32).div(4).reshape(3, 1, 1, 1).expand(3, 1, 2, 2).contiguous();
        var grid = ImageGrid.From(x, nrow: 2, padding: 1, scale: 1, padValue: 1);
        using var img = Decode(grid.ToPng());                       // (1, 7, 7)
        Assert.Equal(new long[] { 1, 7, 7 }, img.shape);
        var p = img[0];
        Assert.Equal(255, p[0, 0].item<byte>());                   // top-left padding
        Assert.Equal(0, p[1, 1].item<byte>());                     // image 0 at (1, 1)
        Assert.Equal(64, p[2, 5].item<byte>());                    // image 1 at x = 1 + 3 = 4..5
        Assert.Equal(128, p[4, 1].item<byte>());                   // image 2 on row 2 at y = 4..5
        Assert.Equal(255, p[5, 5].item<byte>());                   // the empty cell holds padValue
        Assert.Equal(255, p[6, 3].item<byte>());                   // bottom padding
    }

    [Fact]
    public void Negative_values_are_read_as_minus_one_to_one_and_out_of_range_values_are_an_error()
    {
        using var x = torch.tensor(new float[] { -1f, 0f, 1f, 0.5f }).reshape(1, 1, 2, 2);
        using var img = Decode(ImageGrid.From(x, padding: 0, scale: 1).ToPng());
        Assert.Equal(new byte[] { 0, 128, 255, 191 }, img.data<byte>().ToArray());
        using var bad = torch.tensor(new float[] { 0f, 2f, 0.5f, 1f }).reshape(1, 4);
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.From(bad));
        Assert.Contains("[0, 2]", e.Message);
        Assert.Contains("clamp: true", e.Message);
        Assert.Equal(255, Decode(ImageGrid.From(bad, clamp: true, padding: 0, scale: 1).ToPng())[0, 0, 1].item<byte>());
    }

    [Fact]
    public void Scale_repeats_each_pixel()
    {
        using var x = torch.tensor(new float[] { 0f, 1f }).reshape(1, 1, 1, 2);
        using var img = Decode(ImageGrid.From(x, padding: 0, scale: 3).ToPng());
        Assert.Equal(new long[] { 1, 3, 6 }, img.shape);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255 }, img[0, 2].data<byte>().ToArray());
    }

    [Fact]
    public void Captions_and_title_go_into_html_and_the_png_is_the_whole_picture()
    {
        using var x = torch.rand(3, 1, 4, 4);
        var grid = ImageGrid.From(x, nrow: 2, captions: ["shirt", "<bag>", "boot"], title: "Fashion");
        var bundle = Formatting.ToMimeBundle(grid);
        Assert.Equal(Convert.ToBase64String(grid.ToPng()), bundle["image/png"]);
        Assert.Equal((grid.Width, grid.Height), Size(grid));
        var html = bundle["text/html"]!;
        Assert.Contains("Fashion", html);
        Assert.Contains("&lt;bag&gt;", html);
        Assert.Equal(2, html.Split("<img ").Length - 1);           // one image per grid row
        Assert.Equal(new[] { "shirt", "<bag>", "boot", "" }, grid.Captions);
        var plain = Formatting.ToMimeBundle(ImageGrid.From(x, nrow: 3));
        Assert.Equal(Convert.ToBase64String(ImageGrid.From(x, nrow: 3).ToPng()), plain["image/png"]);
        Assert.StartsWith("ImageGrid: 3 images 4×4 in 1×3", plain["text/plain"]);
    }

    [Fact]
    public void Reconstruction_puts_each_reconstruction_under_its_original()
    {
        using var a = torch.zeros(3, 1, 1, 1);
        using var b = torch.ones(3, 1);                              // flat (N, 1) = 1×1 images
        var grid = ImageGrid.Reconstruction(a, b, nrow: 2, padding: 0, scale: 1);
        Assert.Equal((2, 4), (grid.Columns, grid.Rows));
        using var img = Decode(grid.ToPng());
        // rows: originals 0,1 / reconstructions 0,1 / original 2, empty / reconstruction 2, empty
        Assert.Equal(new byte[] { 0, 0, 255, 255, 0, 0, 255, 0 }, img.data<byte>().ToArray());
    }

    [Fact]
    public void Manifold_puts_z1_across_and_z2_upward()
    {
        // The "decoder" draws z₁ into the left pixel and z₂ into the right one, mapped from [-3, 3] to [0, 1].
        var grid = ImageGrid.Manifold(z => z.add(3).div(6).reshape(-1, 1, 1, 2), n: 3, padding: 0, scale: 1);
        using var img = Decode(grid.ToPng())[0];                     // (3, 6)
        Assert.Equal(new byte[] { 0, 255, 128, 255, 255, 255 }, img[0].data<byte>().ToArray());   // top row: z₂ = 3
        Assert.Equal(new byte[] { 0, 0, 128, 0, 255, 0 }, img[2].data<byte>().ToArray());        // bottom row: z₂ = -3
    }

    [Fact]
    public void Interpolation_runs_from_start_to_end()
    {
        using var a = torch.zeros(1, 4);
        using var b = torch.ones(1, 4);
        var grid = ImageGrid.Interpolation(a, b, steps: 5, padding: 0, scale: 1);
        using var img = Decode(grid.ToPng())[0];                     // (2, 10): five 2×2 images
        Assert.Equal(new byte[] { 0, 0, 64, 64, 128, 128, 191, 191, 255, 255 }, img[0].data<byte>().ToArray());
        var latent = ImageGrid.Interpolation(torch.zeros(2), torch.ones(2), steps: 3, decode: z => z.mean([1]).reshape(-1, 1, 1, 1), padding: 0, scale: 1);
        Assert.Equal(new byte[] { 0, 128, 255 }, Decode(latent.ToPng()).data<byte>().ToArray());
    }

    [Fact]
    public void Bad_shapes_say_what_is_accepted()
    {
        using var x = torch.rand(4, 10);
        Assert.Contains("not a perfect square", Assert.Throws<ArgumentException>(() => ImageGrid.From(x)).Message);
        using var y = torch.rand(4, 2, 3, 3);
        Assert.Contains("2 channels", Assert.Throws<ArgumentException>(() => ImageGrid.From(y)).Message);
    }
}
