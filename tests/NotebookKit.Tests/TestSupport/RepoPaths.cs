namespace NotebookKit.Tests.TestSupport;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds NotebookKit.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "NotebookKit.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("No NotebookKit.sln above " + AppContext.BaseDirectory + ": run the tests from the checkout.");
    }
}
