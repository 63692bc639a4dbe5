namespace NotebookKit.Kernel.Tests;

/// <summary>A fact skipped, with a message saying why, only when Debian's python3-nbformat is missing; otherwise it runs and counts.</summary>
public sealed class NbformatFactAttribute : FactAttribute
{
    public NbformatFactAttribute()
    {
        if (!TestNotebooks.NbformatAvailable) Skip = TestNotebooks.NoNbformat;
    }
}
