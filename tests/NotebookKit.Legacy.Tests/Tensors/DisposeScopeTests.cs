using NotebookKit.Data;
using NotebookKit.Models;
using NotebookKit.NN;
using NotebookKit.Optim;
using NotebookKit.Tensors;
using NotebookKit.Tensors.Kernels;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Tensors;

/// <summary>Torch.NewDisposeScope(): what a scope disposes, how results escape it, views, the pool's bookkeeping, and
/// that training inside scopes computes bit for bit what it computes without them.</summary>
public class DisposeScopeTests
{
    [Fact]
    public void ATensorUsedAfterItsScopeThrowsNamingTheOpAndTheFix()
    {
        Tensor y;
        using (Torch.NewDisposeScope())
        {
            y = Torch.Randn(3, 4).Relu();
            Assert.False(y.IsDisposed);
        }
        Assert.True(y.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => y.ToArray());
        Assert.Contains("(3, 4)", e.Message);
        Assert.Contains("Relu", e.Message);
        Assert.Contains("MoveToOuterScope()", e.Message);
        Assert.Throws<ObjectDisposedException>(() => y.Sum());
        Assert.Throws<ObjectDisposedException>(() => y + y);
        Assert.Equal([3, 4], y.Shape); // the shape stays readable, for messages
    }

    [Fact]
    public void MoveToOuterScopeKeepsAResultUntilTheOuterScopeEnds()
    {
        Tensor kept, dropped, free;
        using (Torch.NewDisposeScope())
        {
            using (Torch.NewDisposeScope())
            {
                kept = (Torch.Ones(2) * 3f).MoveToOuterScope();
                dropped = Torch.Ones(2) * 4f;
            }
            Assert.True(dropped.IsDisposed);
            Assert.Equal([3f, 3f], kept.ToArray());
            using (Torch.NewDisposeScope()) free = Torch.Full([2], 5f).MoveToOuterScope().MoveToOuterScope();
        }
        Assert.True(kept.IsDisposed);
        Assert.Equal([5f, 5f], free.ToArray()); // moved past the outermost scope: no scope owns it
    }

    [Fact]
    public void DetachFromDisposeScopeKeepsAResultForGood()
    {
        Tensor t;
        using (Torch.NewDisposeScope()) t = Torch.Arange(0, 4).DetachFromDisposeScope();
        Assert.Equal([0f, 1f, 2f, 3f], t.ToArray());
    }

    [Fact]
    public void TensorsCreatedOutsideAndModuleParametersAreUntouched()
    {
        var w = Torch.Ones(3).RequiresGrad_();
        Linear layer;
        Tensor gradView;
        using (Torch.NewDisposeScope())
        {
            (w * 2f).Sum().Backward();
            gradView = w.Grad!; // a wrapper around w's gradient buffer: disposing it must leave the buffer alone
            layer = new Linear(3, 2, generator: new Generator(0)); // built inside: its parameters must survive
            layer.Forward(Torch.Ones(1, 3)).Sum().Backward();
        }
        Assert.True(gradView.IsDisposed);
        using (Torch.NewDisposeScope()) Torch.Full([3], -1f);
        Assert.Equal([1f, 1f, 1f], w.ToArray());
        Assert.Equal([2f, 2f, 2f], w.Grad!.ToArray());
        Assert.False(layer.Weight.IsDisposed);
        Assert.Equal([1, 2], layer.Forward(Torch.Ones(1, 3)).Shape);
    }

    [Fact]
    public void EndingAnOuterScopeEndsInnerScopesLeftOpen()
    {
        var outer = Torch.NewDisposeScope();
        var a = Torch.Ones(2);
        var inner = Torch.NewDisposeScope(); // never disposed by its creator
        var b = Torch.Ones(2);
        outer.Dispose();
        Assert.True(inner.IsDisposed);
        Assert.True(a.IsDisposed && b.IsDisposed);
        inner.Dispose(); // harmless
        Assert.False(Torch.Ones(1).IsDisposed); // no scope is left open on this thread
    }

    [Fact]
    public void AViewOfAnOutsideTensorNeverReturnsItsStorage()
    {
        var x = Torch.Arange(0, 6); // outside any scope
        using (Torch.NewDisposeScope())
        {
            var v = x.Reshape(2, 3);
            var d = x.Detach();
            Assert.Same(x.data, v.data);
            Assert.Same(x.data, d.data);
        }
        using (Torch.NewDisposeScope()) Torch.Full([6], -1f); // would reuse x's array had it gone to the pool
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], x.ToArray());
    }

    [Fact]
    public void StorageGoesBackOnceWhenTheBaseAndEveryViewAreDisposed()
    {
        const int n = 1237; // a length no other test uses, so the pool count is ours
        Tensor view;
        int free0 = BufferPool.FreeCount(n);
        using (Torch.NewDisposeScope())
        {
            var x = Torch.Arange(0, n);
            view = x.Reshape(1, n).MoveToOuterScope(); // escapes; the base stays in the scope
            _ = x.Detach();
            _ = x.Reshape(n, 1);
        }
        Assert.Equal(free0, BufferPool.FreeCount(n)); // the escaped view still reads the array
        using (Torch.NewDisposeScope()) Torch.Full([n], -1f); // a same-sized rent must not get that array
        Assert.Equal(n - 1, view.At(0, n - 1));
        int free1 = BufferPool.FreeCount(n);
        view.Dispose();
        Assert.Equal(free1 + 1, BufferPool.FreeCount(n)); // returned exactly once, with the last view
        view.Dispose(); // idempotent: no second return
        Assert.Equal(free1 + 1, BufferPool.FreeCount(n));
    }

    [Fact]
    public void LiveTensorsNeverShareAPooledArrayAndLaterScopesReuseThem()
    {
        var previous = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        int reused = 0;
        for (int round = 0; round < 3; round++)
        {
            var live = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
            using (Torch.NewDisposeScope())
            {
                var x = Torch.Rand(8, 5);
                live.Add(x.data);
                for (int i = 0; i < 20; i++)
                {
                    var s = Torch.Scalar(i);
                    var m = x * s;
                    var r = m.Relu();
                    var a = r + x;
                    x = a.Sigmoid();
                    foreach (var t in new[] { s, m, r, a, x })
                    {
                        Assert.True(live.Add(t.data), $"round {round}, step {i}: one array backs two live tensors");
                        if (previous.Contains(t.data)) reused++;
                    }
                }
            }
            previous = live;
        }
        Assert.True(reused > 0, "no array came back from the pool");
    }

    [Fact]
    public void BackwardThroughADisposedGraphThrows()
    {
        var w = Torch.Ones(3).RequiresGrad_();
        Tensor loss;
        using (Torch.NewDisposeScope())
        {
            var h = (w * 2f).Relu(); // intermediates die with the scope
            loss = h.Sum().MoveToOuterScope();
        }
        var e = Assert.Throws<ObjectDisposedException>(() => loss.Backward());
        Assert.Contains("Relu", e.Message);
    }

    [Fact]
    public void AGradientAssignedFromAScopedTensorIsCopied()
    {
        var w = Torch.Zeros(2).RequiresGrad_();
        using (Torch.NewDisposeScope()) w.Grad = Torch.Full([2], 7f);
        using (Torch.NewDisposeScope()) Torch.Full([2], -1f);
        Assert.Equal([7f, 7f], w.Grad!.ToArray());
    }

    [Fact]
    public void ADataLoaderBatchDrawnInAScopeIsRecycledWithIt()
    {
        var ds = new ImageDataset(Enumerable.Range(0, 6 * 16).Select(i => (byte)i).ToArray(), [0, 1, 2, 3, 4, 5], 4, 4);
        var loader = new DataLoader(ds, batchSize: 3);
        using var batches = loader.GetEnumerator();
        Batch first;
        using (Torch.NewDisposeScope())
        {
            Assert.True(batches.MoveNext());
            first = batches.Current;
            Assert.Equal(15f / 255f, first.X.At(0, 0, 3, 3));
        }
        Assert.True(first.X.IsDisposed);
        Assert.True(batches.MoveNext()); // outside a scope: an ordinary tensor
        using (Torch.NewDisposeScope()) { }
        Assert.Equal(63f / 255f, batches.Current.X.At(0, 0, 3, 3));
    }

    [Fact]
    public void AVaeStepInsideItsScopeIsBitIdenticalToOneWithout()
    {
        // VaeTraining.Step runs in a dispose scope; the same step written out without one must give the same weights.
        var x = Torch.Rand([16, 784], new Generator(8));
        var scoped = new Vae(784, 64, 8, new Generator(7));
        var plain = new Vae(784, 64, 8, new Generator(7));
        var optScoped = new Adam(scoped.Parameters(), lr: 1e-3f);
        var optPlain = new Adam(plain.Parameters(), lr: 1e-3f);
        for (int step = 0; step < 3; step++)
        {
            float a = VaeTraining.Step(scoped, optScoped, x);
            optPlain.ZeroGrad();
            var (logits, mu, logVar) = plain.Forward3(x);
            var loss = Vae.NegativeElbo(logits, x, mu, logVar).Loss;
            loss.Backward();
            optPlain.Step();
            Assert.Equal(loss.Item(), a);
        }
        Assert.True(scoped.Parameters().SelectMany(p => p.ToArray()).SequenceEqual(plain.Parameters().SelectMany(p => p.ToArray())),
            "weights differ after 3 steps with and without a dispose scope");
    }

    [Fact]
    public void ConvolutionAndBatchNormAreBitIdenticalWithAndWithoutAScope()
    {
        // The DCGAN's discriminator keeps Conv2d's column matrix and BatchNorm's statistics for the backward: pooled
        // inside a scope. Three forward/backward passes with and without scopes must agree exactly.
        float[] Run(bool scoped)
        {
            var netD = Dcgan.Discriminator(new Generator(5));
            var x = Torch.Randn([4, 1, 28, 28], new Generator(6));
            var grads = new List<float>();
            for (int step = 0; step < 3; step++)
            {
                using var scope = scoped ? Torch.NewDisposeScope() : null;
                netD.ZeroGrad();
                var loss = F.BinaryCrossEntropyWithLogits(netD.Forward(x), Torch.Ones(4, 1));
                loss.Backward();
                grads.Add(loss.Item());
                grads.AddRange(netD.Parameters().SelectMany(p => p.Grad!.ToArray()));
            }
            return [.. grads];
        }
        Assert.True(Run(scoped: true).AsSpan().SequenceEqual(Run(scoped: false)), "gradients differ inside a dispose scope");
    }
}
