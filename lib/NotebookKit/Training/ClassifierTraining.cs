using NotebookKit.Interactive;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Training;

/// <summary>
/// Supervised training of a classifier with cross-entropy, L = −(1/N) Σ log softmax(f(x_i))[y_i], and its accuracy:
/// the canonical loop (zero_grad, forward, loss, backward, step) over (X, y) batches, each step in a dispose scope.
/// Batches move to the device of the model's parameters.
/// </summary>
public static class ClassifierTraining
{
    /// <summary>One optimizer step on a batch X (N, …), y (N) int64; returns the batch's mean cross-entropy.</summary>
    public static float Step(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor X, Tensor y)
    {
        using var scope = NewDisposeScope();
        var device = DeviceOf(model);
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.forward(X.to(device)), y.to(device));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>One pass over <paramref name="batches"/> in training mode; returns the mean loss per sample.
    /// <paramref name="onStep"/> gets each batch's loss; stops between batches when the kernel interrupts the cell.</summary>
    public static float Epoch(Module<Tensor, Tensor> model, optim.Optimizer optimizer,
        IEnumerable<(Tensor X, Tensor y)> batches, Action<float>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        model.train();
        double total = 0;
        long count = 0;
        foreach (var (X, y) in batches)
        {
            KernelInterrupt.ThrowIfInterrupted();
            float loss = Step(model, optimizer, X, y);
            ScalarReclaim.AfterStep();
            total += (double)loss * X.shape[0];
            count += X.shape[0];
            onStep?.Invoke(loss);
        }
        if (count == 0) throw new ArgumentException("ClassifierTraining.Epoch: the batches were empty; give a DataLoader over a non-empty dataset.", nameof(batches));
        return (float)(total / count);
    }

    /// <summary>Fraction of samples whose arg-max logit equals the label, in [0, 1], in eval mode under no_grad;
    /// the model's previous mode is restored.</summary>
    public static double Accuracy(Module<Tensor, Tensor> model, IEnumerable<(Tensor X, Tensor y)> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var device = DeviceOf(model);
            long correct = 0, count = 0;
            foreach (var (X, y) in batches)
            {
                KernelInterrupt.ThrowIfInterrupted();
                using var scope = NewDisposeScope();
                correct += model.forward(X.to(device)).argmax(1).eq(y.to(device)).sum().item<long>();
                count += X.shape[0];
            }
            if (count == 0) throw new ArgumentException("ClassifierTraining.Accuracy: the batches were empty.", nameof(batches));
            return (double)correct / count;
        }
        finally { model.train(wasTraining); }
    }

    private static Device DeviceOf(Module model) => model.parameters().FirstOrDefault()?.device ?? CPU;
}
