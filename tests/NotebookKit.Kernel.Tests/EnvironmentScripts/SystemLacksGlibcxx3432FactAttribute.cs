namespace NotebookKit.Kernel.Tests.EnvironmentScripts;

/// <summary>Runs only where the system libstdc++ lacks GLIBCXX_3.4.32 (Debian 12): elsewhere the fixer rightly does nothing.</summary>
public sealed class SystemLacksGlibcxx3432FactAttribute : FactAttribute
{
    public SystemLacksGlibcxx3432FactAttribute()
    {
        var lib = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .FirstOrDefault(File.Exists);
        if (lib != null && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(lib)).Contains("GLIBCXX_3.4.32"))
            Skip = $"{lib} already has GLIBCXX_3.4.32: the fixer has nothing to do on this system.";
    }
}
