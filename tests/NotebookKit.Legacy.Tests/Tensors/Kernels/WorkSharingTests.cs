using NotebookKit.Tensors.Kernels;

namespace NotebookKit.Tests.Tensors.Kernels;

/// <summary>WorkSharing.For runs every index exactly once and returns only when all have run, also when several
/// callers share the helper at once and loops follow each other back to back.</summary>
public class WorkSharingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 7)]
    [InlineData(2, 1000)]
    public void EveryIndexRunsOnceBeforeReturning(int threads, int count)
    {
        for (int round = 0; round < 50; round++)
        {
            var hits = new int[count];
            WorkSharing.For(count, threads, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public async Task ConcurrentCallersEachGetAllTheirIndices()
    {
        var tasks = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (int round = 0; round < 200; round++)
            {
                var hits = new int[37 + t];
                WorkSharing.For(hits.Length, 2, i => { Thread.SpinWait(50); Interlocked.Increment(ref hits[i]); });
                if (hits.Any(h => h != 1)) return false;
            }
            return true;
        })).ToArray();
        Assert.All(await Task.WhenAll(tasks), Assert.True);
    }
}
