using NotebookKit.Plotting;

namespace NotebookKit.Tests.Plotting;

public class ColorsTests
{
    [Fact]
    public void ClassColours_AreStableAndWrap()
    {
        Assert.Equal(10, Colors.Qualitative.Count);
        Assert.Equal("#636EFA", Colors.ForClass(0));
        Assert.Equal(Colors.ForClass(3), Colors.ForClass(13));
        Assert.Equal(Colors.ForClass(9), Colors.ForClass(-1));
    }
}
