namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The sizes of one 2-d convolution as im2col sees them: an image (C, H, W) scanned by a KH×KW window
/// with stride (SH, SW) and zero padding (PH, PW), giving OH×OW window positions. The column matrix
/// has K = C·KH·KW rows and one column per window position (L = OH·OW per image).
/// For Conv2d the image is the input; for ConvTranspose2d it is the output (the adjoint reads it backwards).
/// </summary>
internal readonly record struct ConvGeometry(int C, int H, int W, int KH, int KW, int SH, int SW, int PH, int PW, int OH, int OW)
{
    /// <summary>Rows of the column matrix: one per (channel, kernel row, kernel column).</summary>
    public int K => C * KH * KW;

    /// <summary>Window positions per image.</summary>
    public int L => OH * OW;

    /// <summary>Elements of one image.</summary>
    public int ImageSize => C * H * W;

    // Column scratch for a chunk of images is kept under ~16 MB; the chunk size depends on the shapes only,
    // never on the thread count, so sums (and results) are the same on every machine.
    private const long MaxColumnFloats = 1 << 22;

    /// <summary>How many images share one column matrix (and one GEMM).</summary>
    public int ChunkSize(int batch) => (int)Math.Clamp(MaxColumnFloats / Math.Max(1L, (long)K * L), 1, Math.Max(batch, 1));
}
