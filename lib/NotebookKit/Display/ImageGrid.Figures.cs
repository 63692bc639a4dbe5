using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Display;

// The figures the autoencoder / VAE / GAN notebooks show: reconstructions, interpolations, the 2-D latent manifold.
public sealed partial class ImageGrid
{
    /// <summary>
    /// Originals above their reconstructions: a row of up to <paramref name="nrow"/> originals, below it their
    /// reconstructions, then the next pair of rows. Both go through one value range, so brightness compares.
    /// </summary>
    /// <param name="originals">N images, e.g. <c>(N, 1, 28, 28)</c>.</param>
    /// <param name="reconstructions">N images of the same size, e.g. a decoder's <c>(N, 784)</c>.</param>
    /// <param name="captions">One per original (shown under it), or null.</param>
    /// <param name="nrow">As in <see cref="From"/>.</param>
    /// <param name="padding">As in <see cref="From"/>.</param>
    /// <param name="scale">As in <see cref="From"/>.</param>
    /// <param name="title">As in <see cref="From"/>.</param>
    /// <param name="valueRange">As in <see cref="From"/>.</param>
    /// <param name="clamp">As in <see cref="From"/>.</param>
    public static ImageGrid Reconstruction(Tensor originals, Tensor reconstructions, int nrow = 8, int padding = 2, int scale = 2,
        IEnumerable<string>? captions = null, string? title = null, (double Min, double Max)? valueRange = null, bool clamp = false)
    {
        const string op = "ImageGrid.Reconstruction";
        using var scope = torch.NewDisposeScope();
        var a = ToImages(originals, op);
        var b = ToImages(reconstructions, op);
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"{op}: originals ({string.Join(", ", originals.shape)}) and reconstructions " +
                                        $"({string.Join(", ", reconstructions.shape)}) must hold as many images of one size.");
        if (nrow < 1) throw new ArgumentOutOfRangeException(nameof(nrow), $"{op}: nrow must be at least 1, got {nrow}.");
        int n = (int)a.shape[0], columns = Math.Min(nrow, n), blocks = (n + columns - 1) / columns;
        var cells = Enumerable.Repeat(-1, blocks * 2 * columns).ToArray();
        for (int i = 0; i < n; i++)
        {
            cells[(i / columns) * 2 * columns + i % columns] = i;              // original
            cells[((i / columns) * 2 + 1) * columns + i % columns] = n + i;    // its reconstruction, right below
        }
        var given = captions?.ToArray();
        if (given != null && given.Length != n)
            throw new ArgumentException($"{op}: {given.Length} captions for {n} image pairs; give one per original.", nameof(captions));
        var all = given?.Concat(Enumerable.Repeat("", n)).ToArray();
        return Create(torch.cat(new[] { a, b }, 0), cells, columns, padding, scale, title, all, valueRange, false, clamp, 0, op);
    }

    /// <summary>
    /// One row of <paramref name="steps"/> images from <paramref name="start"/> to <paramref name="end"/>:
    /// x(t) = (1 − t)·a + t·b, or with <paramref name="spherical"/> slerp(a, b; t) = sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b
    /// (Ω the angle between a and b), which keeps Gaussian latents at a typical norm.
    /// </summary>
    /// <param name="start">A latent <c>(D)</c> or <c>(1, D)</c> when <paramref name="decode"/> is given, else an image.</param>
    /// <param name="decode">Latents <c>(steps, D)</c> → images, run under no_grad; null cross-fades the images themselves.</param>
    /// <param name="end">The other end, shaped like <paramref name="start"/>.</param>
    /// <param name="steps">Images along the path, both ends included.</param>
    /// <param name="spherical">Slerp instead of a straight line (for Gaussian latents, whose mass sits on a shell).</param>
    /// <param name="padding">As in <see cref="From"/>.</param>
    /// <param name="scale">As in <see cref="From"/>.</param>
    /// <param name="captions">As in <see cref="From"/>.</param>
    /// <param name="title">As in <see cref="From"/>.</param>
    /// <param name="clamp">As in <see cref="From"/>.</param>
    public static ImageGrid Interpolation(Tensor start, Tensor end, int steps = 10, Func<Tensor, Tensor>? decode = null,
        bool spherical = false, int padding = 2, int scale = 2, IEnumerable<string>? captions = null, string? title = null, bool clamp = false)
    {
        const string op = "ImageGrid.Interpolation";
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), $"{op}: steps must be at least 2 (both endpoints), got {steps}.");
        if (!start.shape.SequenceEqual(end.shape))
            throw new ArgumentException($"{op}: start ({string.Join(", ", start.shape)}) and end ({string.Join(", ", end.shape)}) must have one shape.");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var a = start.detach().to(torch.CPU).to_type(ScalarType.Float64).flatten();
        var b = end.detach().to(torch.CPU).to_type(ScalarType.Float64).flatten();
        var t = torch.linspace(0, 1, steps, dtype: ScalarType.Float64).unsqueeze(1);   // (steps, 1)
        double omega = Math.Acos(Math.Clamp((a.dot(b) / (a.norm() * b.norm())).item<double>(), -1, 1));
        bool slerp = spherical && Math.Sin(omega) > 1e-6;                                // parallel: slerp = lerp
        var path = slerp
            ? (torch.sin((1 - t) * omega) * a + torch.sin(t * omega) * b) / Math.Sin(omega)
            : (1 - t) * a + t * b;                                                       // (steps, D)
        var item = start.shape.Length >= 2 && start.shape[0] == 1 ? start.shape[1..] : start.shape;
        path = path.to_type(ScalarType.Float32).reshape([steps, .. item]);
        var images = decode is null ? path : Decode(decode, path.to(start.device), steps, op);
        return From(images, nrow: steps, padding: padding, scale: scale, captions: captions, title: title, clamp: clamp);
    }

    /// <summary>
    /// The learned 2-D manifold (Kingma &amp; Welling 2014, fig. 4): decodes an n×n grid of latents, z₁ growing left
    /// to right and z₂ growing bottom to top, so it reads like a scatter plot of the latent space. With
    /// <paramref name="quantiles"/> the axis values are z = Φ⁻¹(p) for evenly spaced p, so each image covers equal prior mass.
    /// </summary>
    /// <param name="decode">Latents <c>(n·n, 2)</c> → n·n images, run under no_grad.</param>
    /// <param name="zRange">Evenly spaced z per axis (default (-3, 3)).</param>
    /// <param name="quantiles">Instead of <paramref name="zRange"/>: probabilities (Low, High), e.g. (0.05, 0.95).</param>
    /// <param name="n">Images per side: an n × n grid over two latent dimensions.</param>
    /// <param name="padding">As in <see cref="From"/>.</param>
    /// <param name="scale">As in <see cref="From"/>.</param>
    /// <param name="title">As in <see cref="From"/>.</param>
    /// <param name="device">Where the latents are made (the decoder's device).</param>
    /// <param name="clamp">As in <see cref="From"/>.</param>
    public static ImageGrid Manifold(Func<Tensor, Tensor> decode, int n = 15, (double Min, double Max)? zRange = null,
        (double Low, double High)? quantiles = null, int padding = 0, int scale = 1, string? title = null, Device? device = null, bool clamp = false)
    {
        const string op = "ImageGrid.Manifold";
        ArgumentNullException.ThrowIfNull(decode);
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), $"{op}: n (points per axis) must be at least 2, got {n}.");
        if (zRange != null && quantiles != null) throw new ArgumentException($"{op}: give zRange or quantiles, not both.");
        using var scope = torch.NewDisposeScope();
        Tensor axis;
        if (quantiles is { } q)
        {
            if (!(q.Low > 0 && q.Low < q.High && q.High < 1))
                throw new ArgumentException($"{op}: quantiles ({q.Low}, {q.High}) must satisfy 0 < Low < High < 1.", nameof(quantiles));
            axis = torch.special.ndtri(torch.linspace(q.Low, q.High, n, dtype: ScalarType.Float64));
        }
        else
        {
            var (min, max) = zRange ?? (-3.0, 3.0);
            if (!(max > min)) throw new ArgumentException($"{op}: zRange ({min}, {max}) must have Min < Max.", nameof(zRange));
            axis = torch.linspace(min, max, n, dtype: ScalarType.Float64);
        }
        var z1 = axis.repeat(n);                                    // across the columns
        var z2 = axis.flip(0).repeat_interleave(n);                 // down the rows, largest at the top
        var z = torch.stack(new[] { z1, z2 }, 1).to_type(ScalarType.Float32).to(device ?? torch.CPU);   // (n·n, 2)
        return From(Decode(decode, z, n * n, op), nrow: n, padding: padding, scale: scale, title: title, clamp: clamp);
    }

    private static Tensor Decode(Func<Tensor, Tensor> decode, Tensor z, int expected, string op)
    {
        using var noGrad = torch.no_grad();
        var images = decode(z);
        if (images is null || images.shape.Length == 0 || images.shape[0] != expected)
            throw new InvalidOperationException($"{op}: decode was given latents ({string.Join(", ", z.shape)}) and must return {expected} images, " +
                                                $"got {(images is null ? "null" : "(" + string.Join(", ", images.shape) + ")")}.");
        return images;
    }
}
