using NotebookKit.Interactive;

namespace NotebookKit.Kernel;

/// <summary>
/// The globals object every cell sees: its public members are callable without qualification, so
/// <c>display(x)</c> works as in .NET Interactive.
/// </summary>
public class KernelGlobals
{
    /// <summary>Shows <paramref name="value"/> as a <c>display_data</c> output; the handle updates it in place.</summary>
#pragma warning disable IDE1006 // lower-case on purpose: .NET Interactive's name
    public DisplayHandle display(object? value) => Display.Show(value);
#pragma warning restore IDE1006
}
