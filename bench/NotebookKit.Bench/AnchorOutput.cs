using System.Globalization;
using System.Text.RegularExpressions;

namespace NotebookKit.Bench;

/// <summary>
/// Reads what a PyTorch anchor of ../shared/anchors printed (run under bench/rss_wrapper.py, which appends
/// <c>peak_rss_mb N</c>) into <see cref="BenchResult"/>s with loop "torch": the median of its per-epoch samples/s,
/// its last test loss, its GFLOPS per size.
/// </summary>
internal static class AnchorOutput
{
    public static IEnumerable<BenchResult> Parse(string model, string text)
    {
        var rss = Regex.Matches(text, @"^peak_rss_mb (\d+)", RegexOptions.Multiline).Select(m => D(m.Groups[1].Value)).LastOrDefault(double.NaN);
        if (model == "sgemm")
        {
            foreach (Match m in Regex.Matches(text, @"^torch sgemm n=(\d+): ([\d.]+) GFLOPS", RegexOptions.Multiline))
                yield return new BenchResult($"sgemm{m.Groups[1].Value}", "torch", D(m.Groups[2].Value), null, rss);
            yield break;
        }
        var rates = Regex.Matches(text, @"(\d+) samples/s").Select(m => D(m.Groups[1].Value)).ToList();
        if (rates.Count == 0)
            throw new FormatException($"bench: the {model} anchor printed no 'samples/s' line; run it by hand to see why:\n{text}");
        double? test = model == "vae"
            ? Regex.Matches(text, @" test ([\d.]+)").Select(m => D(m.Groups[1].Value)).Last()
            : null;
        yield return new BenchResult(model, "torch", Measure.Median(rates), test, rss);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
