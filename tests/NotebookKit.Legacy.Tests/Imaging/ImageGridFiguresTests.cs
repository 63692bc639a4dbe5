using NotebookKit.Imaging;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Imaging;

public class ImageGridFiguresTests
{
    // A fake decoder: records the latents and returns K black 4×4 images.
    private sealed class Recorder
    {
        public Tensor? Z;
        public bool UnderNoGrad;

        public Tensor Decode(Tensor z)
        {
            Z = z;
            UnderNoGrad = NoGradScope.IsActive;
            return Torch.Zeros(z.Size(0), 16);
        }
    }

    [Fact]
    public void ManifoldLaysZ1AcrossAndZ2Down()
    {
        var r = new Recorder();
        var g = ImageGrid.Manifold(r.Decode, n: 5, zRange: (-2, 2));
        Assert.Equal([25, 2], r.Z!.Shape);
        Assert.True(r.UnderNoGrad);
        Assert.Equal((5, 5), (g.Rows, g.Columns));
        float[] axis = [-2, -1, 0, 1, 2];
        for (int row = 0; row < 5; row++)
            for (int col = 0; col < 5; col++)
            {
                Assert.Equal(axis[col], r.Z.At(row * 5 + col, 0), 5);     // z₁ grows to the right
                Assert.Equal(axis[4 - row], r.Z.At(row * 5 + col, 1), 5); // z₂ grows upwards
            }
    }

    [Fact]
    public void ManifoldQuantilesUseTheNormalInverseCdf()
    {
        var r = new Recorder();
        ImageGrid.Manifold(r.Decode, n: 3, quantiles: (0.05, 0.95));
        Assert.Equal(-1.6448536f, r.Z!.At(0, 0), 5);
        Assert.Equal(0f, r.Z.At(1, 0), 5);
        Assert.Equal(1.6448536f, r.Z.At(2, 0), 5);
        Assert.Equal(1.6448536f, r.Z.At(0, 1), 5);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.326347874040841)]
    [InlineData(1e-6, -4.753424308822899)]
    public void NormalQuantileMatchesTables(double p, double z) => Assert.Equal(z, ImageGrid.NormalQuantile(p), 7);

    [Fact]
    public void ManifoldChecksItsArguments()
    {
        var r = new Recorder();
        Assert.Throws<ArgumentException>(() => ImageGrid.Manifold(r.Decode, zRange: (-1, 1), quantiles: (0.1, 0.9)));
        Assert.Throws<ArgumentException>(() => ImageGrid.Manifold(r.Decode, quantiles: (0, 0.9)));
        var e = Assert.Throws<InvalidOperationException>(() => ImageGrid.Manifold(_ => Torch.Zeros(3, 16), n: 4));
        Assert.Contains("must return 16 images, got (3, 16)", e.Message);
    }

    [Fact]
    public void InterpolationStartsAndEndsAtTheEndpoints()
    {
        var a = Torch.FromArray([1f, 2f, 3f], 3);
        var b = Torch.FromArray([3f, 2f, -1f], 3);
        var r = new Recorder();
        var g = ImageGrid.Interpolation(a, b, steps: 3, decode: r.Decode);
        Assert.Equal([3, 3], r.Z!.Shape);
        Assert.Equal(a.ToArray(), r.Z[0].ToArray());
        Assert.Equal(new[] { 2f, 2f, 1f }, r.Z[1].ToArray());
        Assert.Equal(b.ToArray(), r.Z[2].ToArray());
        Assert.Equal((1, 3), (g.Rows, g.Columns));
    }

    [Fact]
    public void InterpolationOfImagesIsACrossFade()
    {
        var black = Torch.Zeros(1, 1, 4, 4);
        var white = Torch.Ones(1, 1, 4, 4);
        var g = ImageGrid.Interpolation(black, white, steps: 5, scale: 1, padding: 1);
        byte[] expected = [0, 64, 128, 191, 255];
        for (int k = 0; k < 5; k++)
        {
            var (x, y) = g.CellOrigin(0, k);
            Assert.Equal(expected[k], g.PixelAt(x + 2, y + 2));
        }
    }

    [Fact]
    public void SphericalInterpolationFollowsTheArc()
    {
        var r = new Recorder();
        ImageGrid.Interpolation(Torch.FromArray([2f, 0f], 1, 2), Torch.FromArray([0f, 2f], 1, 2), steps: 3, decode: r.Decode, spherical: true);
        Assert.Equal([3, 2], r.Z!.Shape); // the leading batch dimension of 1 is dropped
        Assert.Equal(MathF.Sqrt(2), r.Z.At(1, 0), 5); // (a + b)/√2: on the circle of radius 2
        Assert.Equal(MathF.Sqrt(2), r.Z.At(1, 1), 5);
        Assert.Equal(new[] { 0f, 2f }, r.Z[2].ToArray());
    }

    [Fact]
    public void ReconstructionsGoBelowTheirOriginals()
    {
        var originals = Torch.Ones(3, 1, 4, 4);
        var reconstructions = Torch.Zeros(3, 16);
        var g = ImageGrid.Reconstruction(originals, reconstructions, nrow: 2, scale: 1, padding: 1, padValue: 0.5f,
            captions: ["a", "b", "c"]);
        Assert.Equal((4, 2, 6), (g.Rows, g.Columns, g.Count));
        int Centre(int row, int col) { var (x, y) = g.CellOrigin(row, col); return g.PixelAt(x + 2, y + 2); }
        Assert.Equal([255, 255, 0, 0, 255, 128, 0, 128],
            new[] { Centre(0, 0), Centre(0, 1), Centre(1, 0), Centre(1, 1), Centre(2, 0), Centre(2, 1), Centre(3, 0), Centre(3, 1) });
    }

    [Fact]
    public void ReconstructionNeedsMatchingBatches()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.Reconstruction(Torch.Zeros(3, 784), Torch.Zeros(2, 784)));
        Assert.Contains("(3, 784) and reconstructions (2, 784)", e.Message);
        Assert.Throws<ArgumentException>(() => ImageGrid.Reconstruction(Torch.Zeros(2, 784), Torch.Zeros(2, 784), captions: ["x"]));
    }
}
