using NotebookKit.Tensors;

namespace NotebookKit.Imaging;

// The figures the autoencoder/VAE/GAN notebooks show: latent manifolds, interpolations, reconstructions.
public sealed partial class ImageGrid
{
    /// <summary>
    /// The learned 2-D manifold (Kingma &amp; Welling 2014, fig. 4): decodes an n×n grid of latent points, z₁
    /// growing left to right across the columns and z₂ growing bottom to top down the rows, so the picture reads
    /// like a scatter plot of the latent space.
    /// </summary>
    /// <param name="decode">Maps latents <c>(K, 2)</c> to K images (any shape <see cref="From"/> accepts); run under <see cref="Torch.NoGrad"/>.</param>
    /// <param name="n">Points per axis (default 15, so 225 images).</param>
    /// <param name="zRange">Evenly spaced z values per axis from Min to Max (default (-3, 3)).</param>
    /// <param name="quantiles">
    /// Instead of <paramref name="zRange"/>: evenly spaced probabilities from Low to High mapped through the inverse
    /// standard-normal CDF, z = Φ⁻¹(p), as Kingma &amp; Welling did, so each image covers equal prior mass
    /// (e.g. (0.05, 0.95)).
    /// </param>
    /// <param name="scale">Upscaling (default 1: manifolds have many images).</param>
    /// <param name="padding">Pixels between images (default 0, as in the paper's figure).</param>
    /// <param name="title">Drawn above the grid, or null.</param>
    /// <param name="valueRange">Values mapping to black and white; default as in <see cref="From"/>.</param>
    /// <param name="clamp">Clip out-of-range values instead of failing.</param>
    /// <example><code>
    /// ImageGrid.Manifold(z => model.Decode(z), n: 20, quantiles: (0.05, 0.95))   // (400, 1, 28, 28)
    /// </code></example>
    public static ImageGrid Manifold(Func<Tensor, Tensor> decode, int n = 15, (double Min, double Max)? zRange = null,
        (double Low, double High)? quantiles = null, int scale = 1, int padding = 0, string? title = null,
        (float Min, float Max)? valueRange = null, bool clamp = false)
    {
        const string op = "ImageGrid.Manifold";
        ArgumentNullException.ThrowIfNull(decode);
        var axis = ManifoldAxis(n, zRange, quantiles, op);
        var z = new float[n * n * 2];
        for (int row = 0; row < n; row++)
            for (int col = 0; col < n; col++)
            {
                int k = row * n + col;
                z[2 * k] = (float)axis[col];             // z₁ across
                z[2 * k + 1] = (float)axis[n - 1 - row]; // z₂ down, largest at the top
            }
        var images = Decode(decode, Torch.FromArray(z, n * n, 2), n * n, op);
        return From(images, nrow: n, padding: padding, scale: scale, title: title, valueRange: valueRange, clamp: clamp);
    }

    /// <summary>
    /// One row of <paramref name="steps"/> images going from <paramref name="start"/> to <paramref name="end"/>:
    /// x(t) = (1 − t)·a + t·b for t = 0, 1/(steps−1), …, 1, or with <paramref name="spherical"/>
    /// slerp(a, b; t) = sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b, Ω the angle between a and b (White 2016),
    /// which keeps Gaussian latents at a typical norm.
    /// </summary>
    /// <param name="start">A latent <c>(D)</c> or <c>(1, D)</c> when <paramref name="decode"/> is given, else an image.</param>
    /// <param name="end">Same shape as <paramref name="start"/>.</param>
    /// <param name="steps">Images in the row, both endpoints included (default 10).</param>
    /// <param name="decode">Maps latents <c>(steps, D)</c> to images; null interpolates the images themselves (a cross-fade).</param>
    /// <param name="spherical">Slerp instead of a straight line.</param>
    /// <param name="scale">Upscaling (default 2).</param>
    /// <param name="padding">Pixels between images (default 2).</param>
    /// <param name="captions">One per step, or null.</param>
    /// <param name="title">Drawn above the grid, or null.</param>
    /// <param name="valueRange">Values mapping to black and white; default as in <see cref="From"/>.</param>
    /// <param name="clamp">Clip out-of-range values instead of failing.</param>
    /// <example><code>
    /// ImageGrid.Interpolation(mu[0], mu[1], steps: 10, decode: z => model.Decode(z))
    /// </code></example>
    public static ImageGrid Interpolation(Tensor start, Tensor end, int steps = 10, Func<Tensor, Tensor>? decode = null,
        bool spherical = false, int scale = 2, int padding = 2, IEnumerable<string>? captions = null, string? title = null,
        (float Min, float Max)? valueRange = null, bool clamp = false)
    {
        const string op = "ImageGrid.Interpolation";
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), $"{op}: steps must be at least 2 (both endpoints), got {steps}.");
        if (!start.shape.SequenceEqual(end.shape))
            throw new ArgumentException($"{op}: start {start.ShapeString} and end {end.ShapeString} must have the same shape.");
        var points = Interpolate(start.data, end.data, steps, spherical);
        // A leading batch dimension of 1, as model outputs have, is dropped: (1, D) → (steps, D).
        var itemShape = start.Dim >= 2 && start.shape[0] == 1 ? start.shape[1..] : start.shape;
        var path = Torch.FromArray(points, [steps, .. itemShape]);
        var images = decode is null ? path : Decode(decode, path, steps, op);
        return From(images, nrow: steps, padding: padding, scale: scale, captions: captions, title: title, valueRange: valueRange, clamp: clamp);
    }

    /// <summary>
    /// Originals above their reconstructions: a row of up to <paramref name="nrow"/> originals, the row below
    /// them their reconstructions, then the next pair of rows. Captions (one per original) go under the originals.
    /// Both tensors are mapped to bytes with one range, so the brightness is comparable.
    /// </summary>
    /// <param name="originals">N images, any shape <see cref="From"/> accepts.</param>
    /// <param name="reconstructions">N images of the same size, e.g. a decoder's flat <c>(N, 784)</c> output.</param>
    /// <param name="nrow">Pairs per row (default 8).</param>
    /// <param name="scale">Upscaling (default 2).</param>
    /// <param name="padding">Pixels between images (default 2).</param>
    /// <param name="captions">One per original, or null.</param>
    /// <param name="title">Drawn above the grid, or null.</param>
    /// <param name="valueRange">Values mapping to black and white; default as in <see cref="From"/>.</param>
    /// <param name="clamp">Clip out-of-range values instead of failing.</param>
    /// <param name="padValue">Brightness of padding, 0 (black) to 1 (white).</param>
    /// <example><code>
    /// ImageGrid.Reconstruction(X[..8], yHat[..8], captions: y[..8].Select(l => FashionMnist.Classes[l]))
    /// </code></example>
    public static ImageGrid Reconstruction(Tensor originals, Tensor reconstructions, int nrow = 8, int scale = 2, int padding = 2,
        IEnumerable<string>? captions = null, string? title = null, (float Min, float Max)? valueRange = null, bool clamp = false,
        float padValue = 0f)
    {
        const string op = "ImageGrid.Reconstruction";
        var a = ImageShape(originals, op);
        var b = ImageShape(reconstructions, op);
        if (a != b)
            throw new ArgumentException(
                $"{op}: originals {originals.ShapeString} and reconstructions {reconstructions.ShapeString} must hold as many " +
                "images of the same size (flat (N, H·W) and (N, 1, H, W) may be mixed).");
        int n = a.N;
        var values = new float[originals.Numel * 2];
        originals.data.CopyTo(values, 0);
        reconstructions.data.CopyTo(values, originals.Numel);
        var bytes = ToBytes(values, $"{originals.ShapeString} and {reconstructions.ShapeString}", op, valueRange, false, clamp);

        if (nrow < 1) throw new ArgumentOutOfRangeException(nameof(nrow), $"{op}: nrow must be at least 1, got {nrow}.");
        int columns = Math.Min(nrow, n), blocks = (n + columns - 1) / columns;
        var cells = new int[blocks * 2 * columns];
        Array.Fill(cells, -1);
        for (int i = 0; i < n; i++)
        {
            int block = i / columns, col = i % columns;
            cells[block * 2 * columns + col] = i;                  // original
            cells[(block * 2 + 1) * columns + col] = n + i;        // its reconstruction, right below
        }
        var given = captions?.ToArray();
        if (given != null && given.Length != n)
            throw new ArgumentException($"{op}: {given.Length} captions for {n} image pairs; give one caption per original.", nameof(captions));
        var all = given is null ? null : given.Concat(Enumerable.Repeat("", n)).ToArray();
        return Create(bytes, 2 * n, a.C, a.H, a.W, cells, columns, padding, scale, padValue, all, title, op);
    }

    private static Tensor Decode(Func<Tensor, Tensor> decode, Tensor z, int expected, string op)
    {
        Tensor images;
        using (Torch.NoGrad()) images = decode(z);
        if (images is null || images.Dim == 0 || images.shape[0] != expected)
            throw new InvalidOperationException(
                $"{op}: decode was given latents {z.ShapeString} and must return {expected} images, got {images?.ShapeString ?? "null"}.");
        return images;
    }

    private static double[] ManifoldAxis(int n, (double Min, double Max)? zRange, (double Low, double High)? quantiles, string op)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), $"{op}: n (points per axis) must be at least 2, got {n}.");
        if (zRange != null && quantiles != null)
            throw new ArgumentException($"{op}: give zRange or quantiles, not both.");
        if (quantiles is { } q)
        {
            if (!(q.Low > 0 && q.Low < q.High && q.High < 1))
                throw new ArgumentException($"{op}: quantiles ({q.Low}, {q.High}) must satisfy 0 < Low < High < 1.", nameof(quantiles));
            return Linspace(q.Low, q.High, n).Select(NormalQuantile).ToArray();
        }
        var (min, max) = zRange ?? (-3.0, 3.0);
        if (!(max > min)) throw new ArgumentException($"{op}: zRange ({min}, {max}) must have Min < Max.", nameof(zRange));
        return Linspace(min, max, n);
    }

    private static double[] Linspace(double a, double b, int n) =>
        Enumerable.Range(0, n).Select(i => i == n - 1 ? b : a + (b - a) * i / (n - 1)).ToArray();

    private static float[] Interpolate(float[] a, float[] b, int steps, bool spherical)
    {
        int d = a.Length;
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < d; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
        double omega = Math.Acos(Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1));
        bool slerp = spherical && na > 0 && nb > 0 && Math.Sin(omega) > 1e-6; // parallel vectors: slerp = lerp
        var points = new float[steps * d];
        for (int k = 0; k < steps; k++)
        {
            double t = (double)k / (steps - 1);
            double wa = slerp ? Math.Sin((1 - t) * omega) / Math.Sin(omega) : 1 - t;
            double wb = slerp ? Math.Sin(t * omega) / Math.Sin(omega) : t;
            for (int i = 0; i < d; i++) points[k * d + i] = k == 0 ? a[i] : k == steps - 1 ? b[i] : (float)(wa * a[i] + wb * b[i]);
        }
        return points;
    }

    /// <summary>
    /// Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error below 1.2·10⁻⁹).
    /// </summary>
    internal static double NormalQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), $"NormalQuantile: p must be in (0, 1), got {p}.");
        const double low = 0.02425;
        if (p < low || p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double r = p - 0.5, s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
