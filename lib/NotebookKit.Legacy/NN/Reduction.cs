namespace NotebookKit.NN;

/// <summary>How a loss combines its per-element terms (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>Average over all elements (PyTorch's default).</summary>
    Mean,
    /// <summary>Total over all elements (the VAE's per-batch negative ELBO uses this).</summary>
    Sum,
    /// <summary>Keep one term per element.</summary>
    None,
}
