namespace NotebookKit.Tests.Reference;

/// <summary>A missing or empty fixture file must fail the build's tests, not silently skip the reference checks.</summary>
public class FixtureFileTests
{
    [Theory]
    [InlineData("ops.json", 70), InlineData("losses.json", 24), InlineData("optim.json", 10)]
    public void FixtureFileIsPresentAndHasCases(string file, int minCases)
    {
        Assert.True(File.Exists(Fixtures.PathOf(file)), $"{Fixtures.PathOf(file)} is missing");
        Assert.True(new FileInfo(Fixtures.PathOf(file)).Length > 1000);
        Assert.True(Fixtures.Cases(file).EnumerateObject().Count() >= minCases);
    }
}
