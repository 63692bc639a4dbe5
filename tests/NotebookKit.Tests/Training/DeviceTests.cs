using NotebookKit.Models;
using NotebookKit.Tests.Models;
using NotebookKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Tests.Training;

/// <summary>
/// No GPU here, so the device path is kept honest on the CPU: during each training step the default device is
/// `meta` (tensors without storage). A step that creates any tensor without following the model's device gets a meta
/// tensor and fails ("expected all tensors on the same device"), as it would on a CUDA machine with a CPU default.
/// </summary>
[Collection(GlobalRngCollection.Name)]
public class DeviceTests
{
    private static T OnMeta<T>(Func<T> step)
    {
        torch.set_default_device(META);
        try { return step(); }
        finally { torch.set_default_device(CPU); }
    }

    private static Tensor Images(int n, long seed) => rand([n, 1, 28, 28], generator: new Generator((ulong)seed), device: CPU);

    [Fact]
    public void VaeAndAutoencoderStepsFollowTheModelsDevice()
    {
        var vae = new Vae(784, 32, 4, seed: 1);
        var ae = new Autoencoder(784, [32], 4, seed: 2);
        var optV = optim.Adam(vae.parameters(), lr: 1e-3, beta2: 0.999);
        var optA = optim.Adam(ae.parameters(), lr: 1e-3, beta2: 0.999);
        var x = Images(8, 3);
        var vaeTerms = OnMeta(() => VaeTraining.Step(vae, optV, x));
        var aeTerms = OnMeta(() => AutoencoderTraining.Step(ae, optA, x));
        Assert.True(double.IsFinite(vaeTerms["loss"]) && vaeTerms["loss"] > 0);
        Assert.True(double.IsFinite(aeTerms["loss"]) && aeTerms["loss"] > 0);
        Assert.All(vae.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
    }

    [Fact]
    public void GanAndClassifierStepsFollowTheModelsDevice()
    {
        var netG = MlpGan.Generator(latentDim: 8, seed: 4);
        var netD = MlpGan.Discriminator(seed: 5);
        var optG = optim.Adam(netG.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(netD.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var x = Images(8, 6) * 2 - 1;
        var gan = OnMeta(() => GanTraining.Step(netG, netD, optG, optD, x, latentDim: 8, generator: new Generator(7)));
        Assert.True(float.IsFinite(gan.LossD) && float.IsFinite(gan.LossG));

        var classifier = new FashionClassifier(seed: 8);
        var optC = optim.Adam(classifier.parameters(), lr: 1e-3, beta2: 0.999);
        var y = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        float loss = OnMeta(() => ClassifierTraining.Step(classifier, optC, Images(8, 9), y));
        Assert.True(float.IsFinite(loss) && loss > 0);
    }
}
