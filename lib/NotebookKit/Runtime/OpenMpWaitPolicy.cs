using System.Runtime.CompilerServices;

namespace NotebookKit.Runtime;

/// <summary>
/// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> when the library loads, unless the user set it. LibTorch's OpenMP threads spin
/// between parallel regions by default; on a shared 2-core machine the spinning threads steal the cores the next op
/// needs, and training ran 13× slower under load. libgomp reads the variable when LibTorch first starts its thread
/// pool, which is after this module initializer as long as no tensor op ran before the library was loaded.
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>The policy in force for this process (what the variable says now).</summary>
    public static string? Current => Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");

#pragma warning disable CA2255 // a library module initializer is the point: it must run before LibTorch starts threads
    [ModuleInitializer]
    internal static void Apply()
    {
        if (string.IsNullOrEmpty(Current)) Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
    }
#pragma warning restore CA2255
}
