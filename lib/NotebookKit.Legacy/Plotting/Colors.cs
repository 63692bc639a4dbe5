namespace NotebookKit.Plotting;

/// <summary>
/// The palette every notebook uses, so class 3 is the same colour in the latent-space plot of the AE, the VAE
/// and the GAN chapters. It is Plotly's default qualitative palette (<c>plotly.colors.qualitative.Plotly</c>).
/// </summary>
public static class Colors
{
    /// <summary>Plotly's 10 default trace colours, in order.</summary>
    public static IReadOnlyList<string> Qualitative { get; } =
    [
        "#636EFA", "#EF553B", "#00CC96", "#AB63FA", "#FFA15A",
        "#19D3F3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52",
    ];

    /// <summary>The colour of class <paramref name="label"/> (wraps around after 10; negative labels are allowed).</summary>
    public static string ForClass(int label) => Qualitative[((label % Qualitative.Count) + Qualitative.Count) % Qualitative.Count];

    public static string Blue => Qualitative[0];
    public static string Red => Qualitative[1];
    public static string Green => Qualitative[2];
    public static string Purple => Qualitative[3];
    public static string Orange => Qualitative[4];
    public static string Cyan => Qualitative[5];
    public static string Pink => Qualitative[6];
    public static string Lime => Qualitative[7];
    public static string Magenta => Qualitative[8];
    public static string Yellow => Qualitative[9];

    /// <summary>Neutral grey for reference lines (a prior, a target, the diagonal).</summary>
    public static string Grey => "#7F7F7F";
}
