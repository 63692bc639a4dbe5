using static TorchSharp.torch;

namespace NotebookKit.Tests.Models;

/// <summary>Comparisons the GAN and classifier tests share.</summary>
internal static class GanTestTensors
{
    /// <summary>Same shape and bit-for-bit the same values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Number of parameters, as torch's sum(p.numel() for p in m.parameters()).</summary>
    public static long Count(nn.Module m) => m.parameters().Sum(p => p.numel());
}
