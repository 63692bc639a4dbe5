namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The readable definitions that the im2col + GEMM convolutions are tested against, straight from the formulas
/// (accumulating in double). Conv2d: y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v]·x[n, c, i·s + u − p, j·s + v − p].
/// ConvTranspose2d scatters instead: y[n, o, i·s + u − p, j·s + v − p] += W[c, o, u, v]·x[n, c, i, j].
/// </summary>
internal static class ConvReference
{
    public static float[] Conv2d(float[] x, int[] xs, float[] w, int[] ws, float[]? b, int sh, int sw, int ph, int pw)
    {
        int n = xs[0], cin = xs[1], h = xs[2], wd = xs[3], cout = ws[0], kh = ws[2], kw = ws[3];
        int oh = (h + 2 * ph - kh) / sh + 1, ow = (wd + 2 * pw - kw) / sw + 1;
        var y = new float[n * cout * oh * ow];
        for (int b0 = 0; b0 < n; b0++)
            for (int o = 0; o < cout; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++)
                    {
                        double s = b?[o] ?? 0;
                        for (int c = 0; c < cin; c++)
                            for (int u = 0; u < kh; u++)
                                for (int v = 0; v < kw; v++)
                                {
                                    int r = i * sh + u - ph, q = j * sw + v - pw;
                                    if (r < 0 || r >= h || q < 0 || q >= wd) continue;
                                    s += (double)w[((o * cin + c) * kh + u) * kw + v] * x[((b0 * cin + c) * h + r) * wd + q];
                                }
                        y[((b0 * cout + o) * oh + i) * ow + j] = (float)s;
                    }
        return y;
    }

    public static float[] ConvTranspose2d(float[] x, int[] xs, float[] w, int[] ws, float[]? b, int sh, int sw, int ph, int pw, int oph, int opw)
    {
        int n = xs[0], cin = xs[1], h = xs[2], wd = xs[3], cout = ws[1], kh = ws[2], kw = ws[3];
        int oh = (h - 1) * sh - 2 * ph + kh + oph, ow = (wd - 1) * sw - 2 * pw + kw + opw;
        var y = new double[n * cout * oh * ow];
        for (int b0 = 0; b0 < n; b0++)
            for (int c = 0; c < cin; c++)
                for (int i = 0; i < h; i++)
                    for (int j = 0; j < wd; j++)
                        for (int o = 0; o < cout; o++)
                            for (int u = 0; u < kh; u++)
                                for (int v = 0; v < kw; v++)
                                {
                                    int r = i * sh + u - ph, q = j * sw + v - pw;
                                    if (r < 0 || r >= oh || q < 0 || q >= ow) continue;
                                    y[((b0 * cout + o) * oh + r) * ow + q] += (double)w[((c * cout + o) * kh + u) * kw + v] * x[((b0 * cin + c) * h + i) * wd + j];
                                }
        var yf = new float[y.Length];
        for (int k = 0; k < y.Length; k++) yf[k] = (float)(y[k] + (b?[k / (oh * ow) % cout] ?? 0));
        return yf;
    }
}
