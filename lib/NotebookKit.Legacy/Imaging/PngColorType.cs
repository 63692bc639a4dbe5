namespace NotebookKit.Imaging;

/// <summary>The PNG colour types <see cref="PngEncoder"/> writes, all with 8 bits per sample (values are the IHDR codes).</summary>
public enum PngColorType : byte
{
    /// <summary>One byte per pixel, 0 = black, 255 = white.</summary>
    Gray = 0,

    /// <summary>Three bytes per pixel: red, green, blue.</summary>
    Rgb = 2,

    /// <summary>Four bytes per pixel: red, green, blue, alpha (255 = opaque).</summary>
    Rgba = 6,
}
