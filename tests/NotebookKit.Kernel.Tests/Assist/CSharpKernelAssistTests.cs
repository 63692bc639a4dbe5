using NotebookKit.Kernel.Assist;

namespace NotebookKit.Kernel.Tests.Assist;

/// <summary>Completion, inspection and the is-complete check, answered from the script state (CSharpKernel.Assist.cs, Assist/).</summary>
[Collection(nameof(KernelCollection))]
public class CSharpKernelAssistTests
{
    private static CSharpKernel NewKernel() => new(new KernelOptions { WorkingDirectory = Path.GetTempPath() });

    [Fact]
    public void CompletesMembersOfATypeAfterADot()
    {
        var r = NewKernel().Complete("Console.Wri", 11);
        Assert.Equal(new[] { "Write", "WriteLine" }, r.Matches);
        Assert.Equal((8, 11), (r.Start, r.End));
    }

    [Fact]
    public async Task CompletesVariablesAndTheirMembersFromEarlierCells()
    {
        var k = NewKernel();
        await k.ExecuteAsync("var numEpochs = 3; var text = \"abc\";");
        Assert.Contains("numEpochs", k.Complete("numE", 4).Matches);
        var members = k.Complete("text.ToUpp", 10).Matches;
        Assert.Equal(new[] { "ToUpper", "ToUpperInvariant" }, members);
        Assert.Contains("display", k.Complete("disp", 4).Matches); // the globals object's member
    }

    [Fact]
    public void CompletesNamespacesAndKeywords()
    {
        var k = NewKernel();
        Assert.Contains("Collections", k.Complete("System.Coll", 11).Matches);
        Assert.Contains("while", k.Complete("whi", 3).Matches);
    }

    [Fact]
    public void InspectShowsSignatureAndDocSummary()
    {
        var text = NewKernel().Inspect("Math.Sqrt(2)", 6);
        Assert.NotNull(text);
        Assert.StartsWith("double Math.Sqrt(double d)", text);
    }

    [Fact]
    public async Task InspectKnowsEarlierCellsSymbols()
    {
        var k = NewKernel();
        await k.ExecuteAsync("int Twice(int v) => 2 * v;");
        Assert.Contains("Twice(int v)", k.Inspect("Twice(3)", 2));
        Assert.Null(k.Inspect("   ", 1));
    }

    [Theory]
    [InlineData("var x = 1;", SubmissionStatus.Complete)]
    [InlineData("1 + 2", SubmissionStatus.Complete)]
    [InlineData("", SubmissionStatus.Complete)]
    [InlineData("for (int i = 0; i < 3; i++) {", SubmissionStatus.Incomplete)]
    [InlineData("void F() {", SubmissionStatus.Incomplete)]
    [InlineData("}", SubmissionStatus.Invalid)]
    [InlineData("int 1x = 3;", SubmissionStatus.Invalid)]
    public void IsCompleteFollowsRoslyn(string code, SubmissionStatus expected) => Assert.Equal(expected, Submissions.Check(code));

    [Fact]
    public void NextIndentGoesOneLevelDeeperAfterABrace()
    {
        Assert.Equal("    ", Submissions.NextIndent("for (;;) {"));
        Assert.Equal("        ", Submissions.NextIndent("if (a) {\n    while (b) {"));
    }
}
