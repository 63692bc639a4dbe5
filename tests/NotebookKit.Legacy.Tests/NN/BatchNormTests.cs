using NotebookKit.NN;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.NN;

public class BatchNormTests
{
    public static TheoryData<string> Cases => [.. ConvFixture.Names("batch_norm")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Functional_matches_PyTorch(string name)
    {
        var f = ConvFixture.Load(name);
        var (x, w, b) = (f.T("x").RequiresGrad_(), f.T("weight").RequiresGrad_(), f.T("bias").RequiresGrad_());
        var (rm, rv) = (f.T("running_mean"), f.T("running_var"));
        var y = F.BatchNorm(x, rm, rv, w, b, f.Bool("training"), f.Float("momentum"), f.Float("eps"));
        CheckAgainst(f, name, y, x, w, b, rm, rv);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Module_matches_PyTorch(string name)
    {
        var f = ConvFixture.Load(name);
        var x = f.T("x").RequiresGrad_();
        BatchNormBase bn = x.Dim == 4 ? new BatchNorm2d(x.Size(1), momentum: f.Float("momentum")) : new BatchNorm1d(x.Size(1), momentum: f.Float("momentum"));
        bn.LoadStateDict(new Dictionary<string, Tensor>
        {
            ["weight"] = f.T("weight"), ["bias"] = f.T("bias"), ["running_mean"] = f.T("running_mean"),
            ["running_var"] = f.T("running_var"), ["num_batches_tracked"] = Torch.Scalar(0f),
        });
        bn.Train(f.Bool("training"));
        CheckAgainst(f, name, bn.Forward(x), x, bn.Weight!, bn.Bias!, bn.RunningMean!, bn.RunningVar!);
        Assert.Equal(f.Bool("training") ? 1f : 0f, bn.NumBatchesTracked!.Item());
    }

    private static void CheckAgainst(ConvFixture f, string name, Tensor y, Tensor x, Tensor w, Tensor b, Tensor rm, Tensor rv)
    {
        ConvFixture.AssertClose(f.T("y"), y, $"{name} y");
        ConvFixture.AssertClose(f.T("new_running_mean"), rm, $"{name} running_mean");
        ConvFixture.AssertClose(f.T("new_running_var"), rv, $"{name} running_var");
        (y * f.T("dy")).Sum().Backward();
        ConvFixture.AssertClose(f.T("grad_x"), x.Grad, $"{name} grad x");
        ConvFixture.AssertClose(f.T("grad_weight"), w.Grad, $"{name} grad weight");
        ConvFixture.AssertClose(f.T("grad_bias"), b.Grad, $"{name} grad bias");
    }

    [Theory]
    [InlineData(new[] { 4, 3, 2, 2 }, true)]
    [InlineData(new[] { 5, 2 }, true)]
    [InlineData(new[] { 3, 2, 4 }, true)]
    [InlineData(new[] { 2, 3, 2, 2 }, false)]
    public void Gradcheck(int[] shape, bool training)
    {
        int c = shape[1];
        var rm = GradCheck.Random([c], 4, -0.5f, 0.5f);
        var rv = GradCheck.Random([c], 5, 0.5f, 1.5f);
        // Training gradchecks run without running buffers, so the repeated forward passes do not move them.
        GradCheck.Check(t => F.BatchNorm(t[0], training ? null : rm, training ? null : rv, t[1], t[2], training),
            [GradCheck.Random(shape, 1, -2f, 2f), GradCheck.Random([c], 2, 0.5f, 1.5f), GradCheck.Random([c], 3)],
            name: $"BatchNorm {string.Join("x", shape)} training={training}");
    }

    [Fact]
    public void Training_output_is_normalised_per_channel()
    {
        var bn = new BatchNorm2d(3);
        var y = bn.Forward(Torch.Randn([8, 3, 5, 5], new Generator(1)) * 3f + 2f);
        var mean = y.Mean(0).Mean(-1).Mean(-1).ToArray();
        var meanSq = (y * y).Mean(0).Mean(-1).Mean(-1).ToArray();
        Assert.All(mean, m => Assert.InRange(m, -1e-5f, 1e-5f));
        Assert.All(meanSq, v => Assert.InRange(v, 0.999f, 1.0f));
    }

    [Fact]
    public void Eval_uses_running_statistics_and_leaves_them_alone()
    {
        var bn = new BatchNorm1d(2);
        Assert.Equal([0f, 0f], bn.RunningMean!.ToArray());
        Init.Constant_(bn.RunningVar!, 4f);
        bn.Eval();
        var y = bn.Forward(Torch.Tensor([2f, 4f, 6f, 8f], 2, 2));
        float s = 1f / MathF.Sqrt(4f + 1e-5f);
        Assert.Equal([2f * s, 4f * s, 6f * s, 8f * s], y.ToArray());
        Assert.Equal([4f, 4f], bn.RunningVar!.ToArray());
        Assert.Equal(0f, bn.NumBatchesTracked!.Item());
    }

    [Fact]
    public void Momentum_null_keeps_a_cumulative_average()
    {
        var bn = new BatchNorm1d(1, momentum: null);
        bn.Forward(Torch.Tensor([1f, 3f], 2, 1));   // batch mean 2
        bn.Forward(Torch.Tensor([5f, 7f], 2, 1));   // batch mean 6
        Assert.Equal(4f, bn.RunningMean!.Item(), 1e-6f);
        Assert.Equal(2f, bn.RunningVar!.Item(), 1e-6f); // unbiased variance 2 in both batches
        Assert.Equal(2f, bn.NumBatchesTracked!.Item());
    }

    [Fact]
    public void Without_running_stats_eval_also_uses_the_batch()
    {
        var bn = new BatchNorm2d(2, affine: false, trackRunningStats: false);
        Assert.Empty(bn.StateDict());
        bn.Eval();
        var y = bn.Forward(Torch.Randn([4, 2, 3, 3], new Generator(2)) + 5f);
        Assert.InRange(y.Mean().Item(), -1e-5f, 1e-5f);
    }

    [Fact]
    public void State_dict_keys_and_repr_match_PyTorch()
    {
        var bn = new BatchNorm2d(64);
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], bn.StateDict().Keys);
        Assert.Equal([1f, 1f], bn.Weight!.ToArray()[..2]);
        Assert.Equal("BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn.ToString());
        Assert.Equal("BatchNorm1d(10, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
            new BatchNorm1d(10, 1e-3f, null, false, false).ToString());
    }

    [Fact]
    public void Bad_inputs_and_hyperparameters_are_explained()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new BatchNorm2d(64).Forward(Torch.Zeros(8, 32, 7, 7)));
        Assert.Equal("BatchNorm2d: expected input with 64 channels (N, 64, H, W), got (8, 32, 7, 7).", ex.Message);
        ex = Assert.Throws<ShapeMismatchException>(() => new BatchNorm1d(64).Forward(Torch.Zeros(8, 64, 7, 7)));
        Assert.Contains("BatchNorm2d", ex.Message);
        var arg = Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Forward(Torch.Zeros(1, 3)));
        Assert.Contains("more than 1 value per channel", arg.Message);
        Assert.Equal("numFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(0)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(4, eps: 0f)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(4, momentum: 1.5f)).ParamName);
    }
}
