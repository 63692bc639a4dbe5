using NotebookKit.Data;

namespace NotebookKit.Tests.Data;

/// <summary>
/// A fact that is skipped, with the command that fixes it, when a dataset folder is missing. Set
/// NOTEBOOKKIT_REQUIRE_DATA=1 (CI does, after fetch-data.sh) to make a missing dataset a failure instead.
/// </summary>
public sealed class RequiresDataFactAttribute : FactAttribute
{
    public RequiresDataFactAttribute(string dataset)
    {
        if (Environment.GetEnvironmentVariable("NOTEBOOKKIT_REQUIRE_DATA") == "1") return;
        bool present = dataset switch
        {
            "fashion-mnist" => Try(() => FashionMnist.IsAvailable(true) && FashionMnist.IsAvailable(false)),
            "mnist" => Try(() => Mnist.IsAvailable(true) && Mnist.IsAvailable(false)),
            _ => throw new ArgumentException($"Unknown dataset '{dataset}'.", nameof(dataset)),
        };
        if (!present)
            Skip = $"data/{dataset} not found: run `{DataRoot.FetchCommand}` from the repository root to test on the real data.";
    }

    private static bool Try(Func<bool> check)
    {
        try { return check(); }
        catch (DirectoryNotFoundException) { return false; }
    }
}
