using NotebookKit.Tensors;

namespace NotebookKit.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum and weight decay, as <c>torch.optim.SGD</c>:
/// g ← ∇ + λθ;  b ← μ·b + (1 − τ)·g (b = g on the first step);  g ← g + μ·b if Nesterov else b;  θ ← θ − lr·g.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly float[]?[] momentumBuffers;

    public float Momentum { get; }
    public float Dampening { get; }
    public float WeightDecay { get; }
    public bool Nesterov { get; }

    public SGD(IEnumerable<Tensor> parameters, float lr, float momentum = 0f, float dampening = 0f,
        float weightDecay = 0f, bool nesterov = false) : base(parameters, lr)
    {
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD: invalid momentum {momentum}.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"SGD: invalid weightDecay {weightDecay}.");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("SGD: Nesterov momentum requires momentum > 0 and dampening = 0.");
        Momentum = momentum; Dampening = dampening; WeightDecay = weightDecay; Nesterov = nesterov;
        momentumBuffers = new float[]?[Params.Count];
    }

    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad)
    {
        float lr = Lr, wd = WeightDecay, mu = Momentum;
        if (mu == 0)
        {
            for (int i = 0; i < param.Length; i++) param[i] -= lr * (grad[i] + wd * param[i]);
            return;
        }
        var buf = momentumBuffers[index];
        bool first = buf == null;
        buf ??= momentumBuffers[index] = new float[param.Length];
        for (int i = 0; i < param.Length; i++)
        {
            float g = grad[i] + wd * param[i];
            buf[i] = first ? g : mu * buf[i] + (1f - Dampening) * g;
            param[i] -= lr * (Nesterov ? g + mu * buf[i] : buf[i]);
        }
    }
}
