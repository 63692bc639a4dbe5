using NotebookKit.Tensors;

namespace NotebookKit.Data;

/// <summary>
/// One mini-batch from a <see cref="DataLoader"/>: images <c>X</c> <c>(B, 1, H, W)</c> and labels <c>Y</c>
/// (B ints). Deconstructs, so loops read <c>foreach (var (X, y) in trainLoader)</c>.
/// </summary>
/// <param name="X">Images <c>(B, 1, H, W)</c>, scaled as the loader was asked; <c>X.Flatten(1)</c> gives <c>(B, H·W)</c> without copying.</param>
/// <param name="Y">The B labels, in the same order as the rows of <paramref name="X"/>.</param>
/// <param name="Indices">The dataset indices of the B samples (useful to look samples up again).</param>
public sealed record Batch(Tensor X, int[] Y, int[] Indices)
{
    /// <summary>Number of samples in this batch (the last one may be smaller).</summary>
    public int Count => Y.Length;

    public void Deconstruct(out Tensor x, out int[] y) { x = X; y = Y; }
}
