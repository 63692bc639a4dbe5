using System.Globalization;
using System.Text.RegularExpressions;

namespace NotebookKit.Bench;

/// <summary>
/// One measured loop: <paramref name="Rate"/> is samples/s (median over epochs or step windows) for the models and
/// GFLOPS for the sgemm rows; <paramref name="TestLoss"/> the VAE's test −ELBO in nats per sample; peak RSS in MB.
/// Printed as one line <c>result model=vae loop=library rate=… test_loss=… rss_mb=…</c> that <see cref="ResultTable"/>
/// reads back, so every loop can run in its own process (its own peak RSS).
/// </summary>
internal sealed record BenchResult(string Model, string Loop, double Rate, double? TestLoss, double RssMb)
{
    private static readonly Regex Line = new(
        @"^result model=(\S+) loop=(\S+) rate=(\S+) test_loss=(\S+) rss_mb=(\S+)$", RegexOptions.Compiled);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"result model={Model} loop={Loop} rate={Rate:F1} test_loss={(TestLoss is double t ? t.ToString("F2", CultureInfo.InvariantCulture) : "-")} rss_mb={RssMb:F0}");

    public static BenchResult? TryParse(string line)
    {
        var m = Line.Match(line.Trim());
        if (!m.Success) return null;
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return new BenchResult(m.Groups[1].Value, m.Groups[2].Value, D(m.Groups[3].Value),
            m.Groups[4].Value == "-" ? null : D(m.Groups[4].Value), D(m.Groups[5].Value));
    }
}
