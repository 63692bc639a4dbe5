using NotebookKit.Models;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Models;

public class ConvVaeTests
{
    [Fact]
    public void ShapesAndSampling()
    {
        var vae = new ConvVae(latentDim: 8, generator: new Generator(0));
        var x = Torch.Rand([4, 1, 28, 28], new Generator(1));
        var (logits, mu, logVar) = vae.Forward3(x);
        Assert.Equal([4, 1, 28, 28], logits.Shape);
        Assert.Equal([4, 8], mu.Shape);
        Assert.Equal([4, 8], logVar.Shape);
        Assert.Equal([4, 8], vae.Encode(x.Flatten(1)).Mu.Shape); // flat input works too
        Assert.Equal([3, 1, 28, 28], vae.Sample(3).Shape);
        var (loss, rec, kl) = Vae.NegativeElbo(logits, x, mu, logVar); // flattens both sides
        Assert.True(loss.Item() > 0 && rec.Item() > 0 && kl.Item() >= 0);
    }

    [Fact]
    public void AFewStepsLowerTheLossOnOneBatch()
    {
        var vae = new ConvVae(latentDim: 4, generator: new Generator(2));
        var opt = new Adam(vae.Parameters(), lr: 2e-3f);
        var x = Torch.FromArray(Torch.Rand([16, 1, 28, 28], new Generator(3)).ToArray().Select(v => v > 0.7f ? 1f : 0f).ToArray(), 16, 1, 28, 28);
        float first = Step(), last = first;
        for (int i = 0; i < 15; i++) last = Step();
        Assert.True(last < first, $"{first} → {last}");

        float Step()
        {
            opt.ZeroGrad();
            var (logits, mu, logVar) = vae.Forward3(x);
            var loss = Vae.NegativeElbo(logits, x, mu, logVar).Loss;
            loss.Backward();
            opt.Step();
            return loss.Item();
        }
    }
}
