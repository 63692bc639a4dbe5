using NotebookKit.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

public class ConditionalGanTests
{
    [Fact]
    public void ShapesOfGAndTheProjectionDiscriminator()
    {
        var cgan = new ConditionalGan(latentDim: 8, numClasses: 3, imageDim: 12, featureDim: 5, seed: 2);
        cgan.eval();
        var z = randn(5, 8);
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 });
        var x = cgan.Generate(z, labels);
        Assert.Equal([5L, 12], x.shape);
        Assert.True(x.abs().max().item<float>() <= 1f);
        Assert.Equal([256L, 8 + 3], cgan.netG.state_dict()["0.weight"].shape);   // z ⊕ onehot(y) into G's first layer
        Assert.Equal([3L, 5], cgan.embed.weight!.shape);
        Assert.Contains("netG.1.running_mean", cgan.state_dict().Keys);
        Assert.Equal(cgan.parameters().Count(), cgan.netG.parameters().Count() + cgan.DiscriminatorParameters().Count());

        // D(x, y) = ψ(φ(x)) + embed(y)·φ(x), and the auxiliary head reads the same φ(x).
        var (logits, classLogits) = cgan.DiscriminateAndClassify(x.reshape(5, 1, 3, 4), labels);
        Assert.Equal([5L, 1], logits.shape);
        Assert.Equal([5L, 3], classLogits.shape);
        var h = cgan.netD.forward(x);
        var expected = cgan.psi.forward(h) + (cgan.embed.weight!.index_select(0, labels) * h).sum(1, keepdim: true);
        Assert.True(logits.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(cgan.Discriminate(x, labels).allclose(logits));
        Assert.True(classLogits.allclose(cgan.aux.forward(h)));
        Assert.True(cgan.forward(z, labels).allclose(x));
        Assert.False(cgan.Generate(z, tensor(new long[] { 1, 2, 0, 0, 1 })).allclose(x));   // the label changes the image
        Assert.False(cgan.Discriminate(x, tensor(new long[] { 1, 2, 0, 0, 1 })).allclose(logits));   // and D's verdict
    }

    [Fact]
    public void ASeedFixesEveryWeightOfBothNets()
    {
        torch.manual_seed(1);
        var a = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, featureDim: 5, seed: 5).state_dict();
        torch.manual_seed(2);
        var b = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, featureDim: 5, seed: 5).state_dict();
        Assert.Equal(25, a.Count);   // G: 3 Linear (6) + 2 BatchNorm (10); φ: 2 Linear (4); ψ 2, embed 1, aux 2
        Assert.All(a.Keys, k => Assert.True(GanTestTensors.Same(a[k], b[k]), k));
        var c = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, featureDim: 5, seed: 6).state_dict();
        Assert.False(GanTestTensors.Same(a["embed.weight"], c["embed.weight"]));
        Assert.False(GanTestTensors.Same(a["netD.2.weight"], c["netD.2.weight"]));
    }

    [Fact]
    public void RejectsLabelsOutOfRangeAndWrongShapes()
    {
        var cgan = new ConditionalGan(latentDim: 4, numClasses: 3, imageDim: 6, seed: 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => cgan.Generate(randn(1, 4), tensor(new long[] { 3 })));
        Assert.Contains("[0, 2]", e.Message);
        Assert.Contains("to 3", e.Message);
        Assert.Contains("numClasses: 4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => cgan.Discriminate(randn(2, 6), tensor(new long[] { -1, 0 })));
        var s = Assert.Throws<ArgumentException>(() => cgan.Generate(randn(2, 5), tensor(new long[] { 0, 1 })));
        Assert.Contains("(2, 5)", s.Message);
        var l = Assert.Throws<ArgumentException>(() => cgan.Discriminate(randn(2, 6), tensor(new long[] { 0, 1, 2 })));
        Assert.Contains("(3)", l.Message);
        var p = Assert.Throws<ArgumentException>(() => cgan.Discriminate(randn(2, 7), tensor(new long[] { 0, 1 })));
        Assert.Contains("6 pixels", p.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGan(numClasses: 1));
    }

    /// <summary>
    /// Three classes of 16-pixel "images", each a bright block in its own third of the row. After a short training run
    /// the generator must draw the block of the class it is asked for: nearest-template accuracy well above the 1/3 a
    /// generator that ignored its label would get. Seeded: two runs give the same losses.
    /// </summary>
    [Fact]
    public void TrainingOnToyClassesFollowsTheLabelAndIsDeterministic()
    {
        var (first, accuracy) = TrainToy();
        var (second, _) = TrainToy();
        Assert.Equal(first, second);
        Assert.True(accuracy > 0.9, $"nearest-template accuracy of the generated samples {accuracy:F3}, want > 0.9 (1/3 if the label were ignored)");
    }

    private static (double[] Losses, double Accuracy) TrainToy()
    {
        const int classes = 3, pixels = 15, latentDim = 4;
        var templates = -ones(classes, pixels);                                   // (3, 15) in {−1, 1}
        for (int c = 0; c < classes; c++) templates[c, TensorIndex.Slice(5 * c, 5 * c + 5)] = ones(5);
        var data = new Generator(11);
        var batches = Enumerable.Range(0, 200).Select(_ =>
        {
            var y = randint(0, classes, [32], generator: data);                  // (32)
            var X = (templates.index_select(0, y) + 0.2 * randn([32, pixels], generator: data)).clamp(-1, 1);   // (32, 15)
            return (X, y);
        }).ToList();
        var cgan = new ConditionalGan(latentDim, classes, pixels, featureDim: 16, seed: 3);
        var optG = optim.Adam(cgan.netG.parameters(), lr: 2e-3, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(cgan.DiscriminatorParameters(), lr: 2e-3, beta1: 0.5, beta2: 0.999);
        var losses = new List<double>();
        GanTraining.ConditionalEpoch(cgan, optG, optD, batches, new Generator(12), onStep: (_, t) => losses.Add(t["lossD"]));

        cgan.eval();
        using var _ = no_grad();
        var asked = arange(classes, dtype: int64).repeat_interleave(100);        // (300)
        var samples = cgan.Generate(randn([300, latentDim], generator: new Generator(13)), asked);   // (300, 15)
        var nearest = cdist(samples, templates).argmin(1);                         // (300)
        return (losses.ToArray(), nearest.eq(asked).to(float64).mean().item<double>());
    }
}
