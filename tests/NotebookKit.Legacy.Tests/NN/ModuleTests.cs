using NotebookKit.NN;
using NotebookKit.Tensors;
using NotebookKit.Tests.TestSupport;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.NN;

/// <summary>Module tree: parameter names, Train/Eval, StateDict/LoadStateDict, ToString, and the layers' forward/backward.</summary>
public class ModuleTests
{
    private static Sequential Mlp(ulong seed)
    {
        var g = new Generator(seed);
        return new Sequential(new Linear(2, 8, generator: g), new Tanh(), new Dropout(0.5f), new Linear(8, 1, generator: g));
    }

    private sealed class Autoencoder : Module
    {
        public Sequential Encoder { get; }
        public Sequential Decoder { get; }

        public Autoencoder()
        {
            Encoder = RegisterModule("encoder", new Sequential(new Flatten(), new Linear(6, 3), new ReLU()));
            Decoder = RegisterModule("decoder", new Sequential(new Linear(3, 6, bias: false), new Sigmoid(), new Unflatten(1, 2, 3)));
        }

        public override Tensor Forward(Tensor input) => Decoder.Forward(Encoder.Forward(input));
    }

    [Fact]
    public void ParameterNamesMatchPyTorchStateDictKeys()
    {
        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias"], Mlp(1).NamedParameters().Select(p => p.Name));
        var ae = new Autoencoder();
        Assert.Equal(["encoder.1.weight", "encoder.1.bias", "decoder.0.weight"], ae.NamedParameters().Select(p => p.Name));
        Assert.Equal(3 * 6 + 3 + 6 * 3, ae.ParameterCount());
        Assert.All(ae.Parameters(), p => Assert.True(p.RequiresGrad && p.IsLeaf));
        Assert.Equal(9, ae.Modules().Count()); // itself, two Sequentials, six layers
    }

    [Fact]
    public void TrainAndEvalPropagateToEveryDescendant()
    {
        var ae = new Autoencoder();
        Assert.All(ae.Modules(), m => Assert.True(m.Training));
        ae.Eval();
        Assert.All(ae.Modules(), m => Assert.False(m.Training));
        ae.Train();
        Assert.All(ae.Modules(), m => Assert.True(m.Training));
        ae.Decoder.Eval();
        Assert.True(ae.Training && ae.Encoder.Training);
        Assert.All(ae.Decoder.Modules(), m => Assert.False(m.Training));
    }

    [Fact]
    public void DropoutFollowsTrainingMode()
    {
        var net = Mlp(2);
        var x = GradCheck.Random([16, 2], 120);
        net.Eval();
        var a = net.Forward(x).ToArray();
        Assert.Equal(a, net.Forward(x).ToArray()); // deterministic without dropout
        net.Train();
        Assert.NotEqual(a, net.Forward(x).ToArray());
    }

    [Fact]
    public void StateDictRoundTrip()
    {
        var src = Mlp(3); var dst = Mlp(4);
        var x = GradCheck.Random([5, 2], 121);
        src.Eval(); dst.Eval();
        Assert.NotEqual(src.Forward(x).ToArray(), dst.Forward(x).ToArray());
        var state = src.StateDict();
        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias"], state.Keys);
        Assert.Same(src.NamedParameters().First().Parameter, state["0.weight"]); // live tensors, as PyTorch
        dst.LoadStateDict(state);
        Assert.Equal(src.Forward(x).ToArray(), dst.Forward(x).ToArray());
        Assert.NotSame(state["0.weight"], dst.StateDict()["0.weight"]); // values copied, not shared
    }

    [Fact]
    public void LoadStateDictStrictErrorsListKeys()
    {
        var net = Mlp(5);
        var state = new Dictionary<string, Tensor>(net.StateDict());
        state.Remove("3.bias");
        state["4.weight"] = Torch.Zeros(1);
        var e = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state));
        Assert.Contains("missing keys [3.bias]", e.Message);
        Assert.Contains("unexpected keys [4.weight]", e.Message);

        var before = net.StateDict()["3.bias"].ToArray();
        state["0.bias"] = Torch.Full([8], 0.25f);
        net.LoadStateDict(state, strict: false);       // loads what matches, ignores the rest
        Assert.All(net.StateDict()["0.bias"].ToArray(), v => Assert.Equal(0.25f, v));
        Assert.Equal(before, net.StateDict()["3.bias"].ToArray());

        var bad = new Dictionary<string, Tensor>(net.StateDict()) { ["0.weight"] = Torch.Zeros(2, 8) };
        var s = Assert.Throws<ShapeMismatchException>(() => net.LoadStateDict(bad));
        Assert.Contains("0.weight", s.Message); Assert.Contains("(2, 8)", s.Message); Assert.Contains("(8, 2)", s.Message);
    }

    [Fact]
    public void ToStringPrintsTheTreeAsPyTorch()
    {
        var expected = string.Join("\n",
            "Autoencoder(",
            "  (encoder): Sequential(",
            "    (0): Flatten(start_dim=1, end_dim=-1)",
            "    (1): Linear(in_features=6, out_features=3, bias=True)",
            "    (2): ReLU()",
            "  )",
            "  (decoder): Sequential(",
            "    (0): Linear(in_features=3, out_features=6, bias=False)",
            "    (1): Sigmoid()",
            "    (2): Unflatten(dim=1, unflattened_size=(2, 3))",
            "  )",
            ")");
        Assert.Equal(expected, new Autoencoder().ToString().ReplaceLineEndings("\n"));
        Assert.Equal("LeakyReLU(negative_slope=0.2)", new LeakyReLU(0.2f).ToString());
        Assert.Equal("Dropout(p=0.5)", new Dropout().ToString());
    }

    [Fact]
    public void LayersComputeTheirFunctionalForm()
    {
        var x = GradCheck.Random([4, 2, 3], 122);
        var ae = new Autoencoder();
        var y = ae.Forward(x);
        Assert.Equal([4, 2, 3], y.Shape);
        var h = F.Linear(x.Flatten(1), ae.Encoder[1].StateDict()["weight"], ae.Encoder[1].StateDict()["bias"]).Relu();
        var expected = F.Linear(h, ((Linear)ae.Decoder[0]).Weight).Sigmoid().Reshape(4, 2, 3);
        Assert.Equal(expected.ToArray(), y.ToArray());
        Assert.Equal(x.LeakyRelu(0.2f).ToArray(), new LeakyReLU(0.2f).Forward(x).ToArray());
        Assert.Equal(x.Tanh().ToArray(), new Tanh().Forward(x).ToArray());
    }

    [Fact]
    public void ModelGradientMatchesFiniteDifferences()
    {
        var net = Mlp(6).Eval();
        var ps = net.Parameters().ToArray();
        var x = GradCheck.Random([5, 2], 123); var target = GradCheck.Random([5, 1], 124);
        // Check the loss wrt every parameter at once: the op rebinds the parameters to the checker's leaves.
        GradCheck.Check(leaves =>
        {
            for (int i = 0; i < ps.Length; i++) leaves[i].AsSpan().CopyTo(ps[i].data);
            var h = F.Linear(x, leaves[0], leaves[1]).Tanh();
            return F.MseLoss(F.Linear(h, leaves[2], leaves[3]), target);
        }, ps.Select(p => p.Detach()).ToArray(), eps: 1e-3f, name: "MLP loss");
    }

    [Fact]
    public void ZeroGradAndValidation()
    {
        var net = Mlp(7);
        F.MseLoss(net.Forward(Torch.Ones(3, 2)), Torch.Zeros(3, 1)).Backward();
        Assert.All(net.Parameters(), p => Assert.NotNull(p.Grad));
        net.ZeroGrad();
        Assert.All(net.Parameters(), p => Assert.All(p.Grad!.ToArray(), g => Assert.Equal(0f, g)));
        Assert.Contains("inFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(0, 3)).Message);
        Assert.Contains("p", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(-0.1f)).Message);
    }
}
