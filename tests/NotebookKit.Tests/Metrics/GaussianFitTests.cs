using NotebookKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Metrics;

public class GaussianFitTests
{
    [Fact]
    public void HandComputedMeanAndCovarianceInFloat64()
    {
        // Rows (1, 2), (3, 2), (5, 8): μ = (3, 4); centred (−2, −2), (0, −2), (2, 4);
        // Σ = [[8, 12], [12, 24]] / 2 = [[4, 6], [6, 12]].
        var x = tensor(new float[] { 1, 2, 3, 2, 5, 8 }).reshape(3, 2);
        using var fit = GaussianFit.Fit(x);
        Assert.Equal(ScalarType.Float64, fit.Covariance.dtype);
        Assert.Equal(new[] { 3.0, 4.0 }, fit.Mean.data<double>().ToArray());
        Assert.Equal(new[] { 4.0, 6.0, 6.0, 12.0 }, fit.Covariance.data<double>().ToArray());
        Assert.Equal(3, fit.Count);
        Assert.Equal(2, fit.Dimension);
    }

    [Fact]
    public void MatchesTorchCovAndFlattensImages()
    {
        var x = rand(50, 1, 2, 3, generator: new Generator(1));
        using var fit = GaussianFit.Fit(x);
        var expected = cov(x.flatten(1).T.to(float64));                   // rows are variables for torch.cov
        Assert.Equal(6, fit.Dimension);
        Assert.True(fit.Covariance.allclose(expected, rtol: 1e-12, atol: 1e-14));
        Assert.True(fit.Covariance.eq(fit.Covariance.T).all().item<bool>(), "covariance must be exactly symmetric");
    }

    [Fact]
    public void SurvivesTheCallersDisposeScope()
    {
        GaussianFit fit;
        using (var scope = NewDisposeScope()) fit = GaussianFit.Fit(ones(4, 3) * arange(4).unsqueeze(1));
        using (fit) Assert.Equal(1.5, fit.Mean[0].item<double>());
    }

    [Fact]
    public void RejectsTooFewSamplesAndVectors()
    {
        var one = Assert.Throws<ArgumentException>(() => GaussianFit.Fit(zeros(1, 4)));
        Assert.Contains("at least 2 samples", one.Message);
        Assert.Throws<ArgumentException>(() => GaussianFit.Fit(zeros(5)));
    }
}
