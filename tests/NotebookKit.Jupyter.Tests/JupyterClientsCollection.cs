namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// The tests whose kernels Jupyter itself starts (nbclient, jupyter_kernel_test, the Notebook server) run one at a time:
/// each runs whole notebooks on the 2 cores anyway, and fewer concurrent connections leave fewer chances for the port
/// race of <see cref="JupyterEnvironment.RunJupyterClient"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JupyterClientsCollection
{
    public const string Name = "kernels started by Jupyter";
}
