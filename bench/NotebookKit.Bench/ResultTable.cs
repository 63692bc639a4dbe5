using System.Globalization;

namespace NotebookKit.Bench;

/// <summary>
/// The run's one table: per model the library loop, the bare TorchSharp loop and the PyTorch anchor, their ratios,
/// the VAE's test loss and each run's peak RSS. `table DIR` reads DIR/*.txt (bench outputs and anchor outputs
/// named <c>MODEL-torch.txt</c>), as bench/run.sh writes them.
/// </summary>
internal static class ResultTable
{
    private static readonly string[] Order = ["vae", "gan", "dcgan", "sgemm512", "sgemm1024", "sgemm2048"];

    public static void Run(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : throw new ArgumentException("bench table: give the folder bench/run.sh wrote, e.g. `table /tmp/bench.X`.");
        var results = new List<BenchResult>();
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order())
        {
            string name = Path.GetFileNameWithoutExtension(file), text = File.ReadAllText(file);
            results.AddRange(name.EndsWith("-torch", StringComparison.Ordinal)
                ? AnchorOutput.Parse(name[..^"-torch".Length], text)
                : text.Split('\n').Select(BenchResult.TryParse).OfType<BenchResult>());
        }
        Print(results);
    }

    public static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine("| model | library | bare | PyTorch | library/bare | library/PyTorch | test loss (nats) lib / bare / PyTorch | peak RSS (MB) lib / bare / PyTorch |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var model in results.Select(r => r.Model).Distinct().OrderBy(m => Array.IndexOf(Order, m) is var i && i < 0 ? 99 : i))
        {
            BenchResult? Get(string loop) => results.LastOrDefault(r => r.Model == model && r.Loop == loop);
            var (lib, bare, torch) = (Get("library"), Get("bare"), Get("torch"));
            string unit = model.StartsWith("sgemm", StringComparison.Ordinal) ? $"sgemm n={model[5..]} (GFLOPS)" : $"{model} (samples/s)";
            Console.WriteLine($"| {unit} | {F(lib?.Rate, "F0")} | {F(bare?.Rate, "F0")} | {F(torch?.Rate, "F0")} | " +
                $"{Ratio(lib?.Rate, bare?.Rate)} | {Ratio(lib?.Rate, torch?.Rate)} | " +
                $"{F(lib?.TestLoss, "F2")} / {F(bare?.TestLoss, "F2")} / {F(torch?.TestLoss, "F2")} | " +
                $"{F(lib?.RssMb, "F0")} / {F(bare?.RssMb, "F0")} / {F(torch?.RssMb, "F0")} |");
        }
    }

    private static string F(double? x, string format) =>
        x is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? a, double? b) =>
        a is double x && b is double y && y > 0 ? (x / y).ToString("F2", CultureInfo.InvariantCulture) : "–";
}
