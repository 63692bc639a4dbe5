using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NotebookKit.Runtime;

/// <summary>
/// Makes SkiaSharp's native library (<c>libSkiaSharp</c>, which <see cref="Display.ImageGrid"/> encodes PNGs with) load
/// when NotebookKit.dll is referenced by path, as a notebook's <c>#r "../lib/NotebookKit/bin/Release/net10.0/NotebookKit.dll"</c>
/// does. The build copies it to <c>bin/…/runtimes/{rid}/native/</c>, a folder only a host whose own deps.json lists
/// SkiaSharp probes; the notebook kernel's load context does not, and the first <c>ImageGrid</c> failed with
/// <c>DllNotFoundException: Unable to load shared library 'libSkiaSharp'</c>. A DllImport resolver registered when the
/// library loads opens the copy under <c>runtimes/</c> beside NotebookKit.dll; when there is none (a host that
/// resolves natives itself, a RID-specific publish) it returns nothing and the runtime probes as usual.
/// </summary>
public static class SkiaNatives
{
    /// <summary>The RID folders tried under <c>runtimes/</c>, most specific first: e.g. <c>linux-x64</c>, <c>linux</c>.</summary>
    public static IReadOnlyList<string> RuntimeFolders { get; } = RidCandidates();

#pragma warning disable CA2255 // a library module initializer: it must be in place before the first ImageGrid
    [ModuleInitializer]
    internal static void Register()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SkiaSharp.SKObject).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host already set SkiaSharp's resolver: it takes care of the natives.
        }
    }
#pragma warning restore CA2255

    /// <summary>The native file for <paramref name="libraryName"/> (e.g. <c>libSkiaSharp</c>) under
    /// <c>{directory}/runtimes/{rid}/native/</c> for this machine, or null when there is none.</summary>
    public static string? Find(string libraryName, string directory)
    {
        string ext = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        string[] names = libraryName.EndsWith(ext, StringComparison.OrdinalIgnoreCase)
            ? [libraryName]
            : [libraryName + ext, "lib" + libraryName + ext, libraryName];
        return RuntimeFolders
            .SelectMany(rid => names.Select(n => Path.Combine(directory, "runtimes", rid, "native", n)))
            .FirstOrDefault(File.Exists);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var directory = Path.GetDirectoryName(typeof(SkiaNatives).Assembly.Location);
        if (string.IsNullOrEmpty(directory)) return IntPtr.Zero;
        return Find(libraryName, directory) is { } path && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
    }

    private static string[] RidCandidates()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();   // x64, arm64, x86, arm
        var musl = os == "linux" && File.Exists("/etc/alpine-release") ? new[] { $"linux-musl-{arch}" } : [];
        return [.. musl, RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os];
    }
}
