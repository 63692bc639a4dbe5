using NotebookKit.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace NotebookKit.Tests.Metrics;

/// <summary>The smallest IVariationalAutoencoder: one linear encoder to (μ, log σ²), one linear decoder to 16 logits.</summary>
internal sealed class TinyVae : Module<Tensor, Tensor>, IVariationalAutoencoder
{
    private readonly Linear enc;
    private readonly Linear dec;

    public TinyVae(int pixels, int latentDim, long seed) : base(nameof(TinyVae))
    {
        LatentDim = latentDim;
        manual_seed(seed);
        enc = Linear(pixels, 2 * latentDim);
        dec = Linear(latentDim, pixels);
        RegisterComponents();
    }

    public int LatentDim { get; }

    public (Tensor mu, Tensor logvar) encode(Tensor x)
    {
        var h = enc.forward(x.flatten(1));   // (N, 2L)
        var parts = h.chunk(2, 1);
        return (parts[0], parts[1]);
    }

    public Tensor decode(Tensor z) => dec.forward(z); // (N, L) → (N, pixels)

    public override Tensor forward(Tensor x) => decode(encode(x).mu);

    /// <summary>Binary 16-pixel images: one of 4 prototypes with 5 % of the bits flipped.</summary>
    public static Tensor ToyData(int n, long seed)
    {
        var g = new Generator((ulong)seed);
        var protos = (rand(4, 16, generator: g) < 0.5).to(float32);                          // (4, 16)
        var x = protos[randint(4, [n], generator: g)];                                       // (n, 16)
        var flip = (rand(n, 16, generator: g) < 0.05).to(float32);
        return (x - flip).abs();                                                              // XOR with the flip mask
    }
}
