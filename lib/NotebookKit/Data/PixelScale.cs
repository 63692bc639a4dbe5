namespace NotebookKit.Data;

/// <summary>
/// How unsigned-byte pixels 0..255 become floats. Autoencoders with a sigmoid output and a BCE loss want
/// [0, 1]; GAN generators ending in tanh want [-1, 1]. <see cref="ImageDataset"/> holds [0, 1];
/// <see cref="DataLoader"/> applies the scale per batch.
/// </summary>
public enum PixelScale
{
    /// <summary>x = p / 255, in [0, 1] (torchvision's <c>ToTensor()</c>).</summary>
    ZeroToOne,

    /// <summary>x = p / 127.5 − 1, in [-1, 1], computed as 2·(p / 255) − 1 (<c>ToTensor()</c> then <c>Normalize(0.5, 0.5)</c>).</summary>
    MinusOneToOne,
}
