using System.Text.Json;
using NotebookKit.Optim;
using NotebookKit.Tensors;

namespace NotebookKit.Tests.Reference;

/// <summary>
/// Five optimizer steps on two fixed parameters with fixed gradient sequences, compared after every step with
/// torch.optim (fixtures/optim.json). Tolerance 1e−5 abs + 1e−4 rel: the update rules are the same float32
/// arithmetic, only the operation order differs.
/// </summary>
public class OptimReferenceTests
{
    [Theory]
    [InlineData("sgd_plain"), InlineData("sgd_momentum"), InlineData("sgd_momentum_dampening"), InlineData("sgd_nesterov")]
    [InlineData("sgd_weight_decay"), InlineData("sgd_momentum_weight_decay")]
    [InlineData("adam_default"), InlineData("adam_lr"), InlineData("adam_weight_decay"), InlineData("adam_betas")]
    public void MatchesTorchOptim(string name)
    {
        var c = Fixtures.Case("optim.json", name);
        var ps = c.GetProperty("params").EnumerateArray().Select(p => Fixtures.ToTensor(p).RequiresGrad_()).ToArray();
        var opt = Make(c.GetProperty("optimizer").GetString()!, c.GetProperty("hyper"), ps);
        var grads = c.GetProperty("grads").EnumerateArray().ToArray();
        var after = c.GetProperty("after").EnumerateArray().ToArray();
        Assert.Equal(5, grads.Length);
        for (int step = 0; step < grads.Length; step++)
        {
            var g = grads[step].EnumerateArray().ToArray();
            for (int k = 0; k < ps.Length; k++) ps[k].Grad = Fixtures.ToTensor(g[k]);
            opt.Step();
            var expected = after[step].EnumerateArray().ToArray();
            for (int k = 0; k < ps.Length; k++)
                Fixtures.AssertClose(Fixtures.ToTensor(expected[k]), ps[k].Detach(), Fixtures.Atol, Fixtures.Rtol,
                    $"{name}: parameter {k} after step {step + 1}");
        }
    }

    private static Optimizer Make(string kind, JsonElement h, Tensor[] ps)
    {
        float Get(string key, float dflt) => h.TryGetProperty(key, out var v) ? (float)v.GetDouble() : dflt;
        if (kind == "sgd")
            return new SGD(ps, Get("lr", 0), Get("momentum", 0), Get("dampening", 0), Get("weight_decay", 0),
                h.TryGetProperty("nesterov", out var n) && n.GetBoolean());
        (float, float)? betas = h.TryGetProperty("betas", out var b)
            ? ((float)b[0].GetDouble(), (float)b[1].GetDouble()) : null;
        return new Adam(ps, Get("lr", 1e-3f), betas, weightDecay: Get("weight_decay", 0));
    }
}
