namespace NotebookKit.Data;

/// <summary>
/// The contents of one IDX file: its dimensions and its unsigned bytes in row-major order.
/// Kept as bytes (not floats) because a dataset in bytes takes a quarter of the memory; loaders scale
/// to float per batch.
/// </summary>
/// <param name="Path">The file it was read from (for error messages).</param>
/// <param name="Dimensions">Sizes from the header, e.g. <c>[60000, 28, 28]</c> or <c>[60000]</c>.</param>
/// <param name="Data">The payload, exactly the product of <paramref name="Dimensions"/> bytes.</param>
public sealed record IdxArray(string Path, int[] Dimensions, byte[] Data)
{
    /// <summary>Number of items along the first dimension (images or labels).</summary>
    public int Count => Dimensions.Length == 0 ? 1 : Dimensions[0];
}
