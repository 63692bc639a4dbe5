using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NotebookKit.Kernel.Packages;

/// <summary>
/// Makes the native libraries of restored packages loadable. Each closure gets one consolidated folder of symlinks to
/// its packages' native files, because a native library finds its siblings only through RUNPATH <c>$ORIGIN</c>
/// (TorchSharp's <c>libLibTorchSharp.so</c> NEEDs <c>libtorch.so</c>, <c>libc10.so</c>, <c>libtorch_cpu.so</c>, which
/// live in another package). When a package's assembly loads, the natives its P/Invokes name are opened from that
/// folder first; and every load context's <c>ResolvingUnmanagedDll</c> looks there for <c>lib{name}.so</c> or
/// <c>{name}</c> once the runtime's own probing failed.
/// </summary>
/// <remarks>
/// Found with TorchSharp-cpu 0.107.0 on Debian 12 (glibc 2.36, .NET 10). <c>$ORIGIN</c> of a library opened through a
/// symlink is the symlink's folder (LD_DEBUG shows glibc trying the consolidated folder), so siblings are found there.
/// TorchSharp's <c>LoadNativeBackend</c> calls <c>NativeLibrary.TryLoad("torch_cpu", typeof(torch).Assembly, null)</c>
/// then <c>"LibTorchSharp"</c>. That overload never asks a <c>SetDllImportResolver</c> callback (tried), and the
/// runtime's probing includes the system's library path before <c>ResolvingUnmanagedDll</c> is raised: with Debian's
/// <c>libtorch1.13</c> installed, <c>torch_cpu</c> opened <c>/usr/lib/x86_64-linux-gnu/libtorch_cpu.so</c> and the
/// shim then failed with <c>undefined symbol: _ZNK3c105Error4whatEv</c>. Hence the preload: once
/// <c>libLibTorchSharp.so</c> is open from the consolidated folder, with its <c>libtorch*.so</c> and <c>libc10.so</c>,
/// glibc answers the bare names by soname with those. (a) Host with TorchSharp.dll in its own bin (its deps.json lists
/// the managed package's <c>libLibTorchSharp.so</c>, no libtorch), as the Kernel tests' host: cells bind to the host's
/// TorchSharp.dll (Default context); its preload opens the package's shim with its libtorch, and /proc/self/maps then
/// shows only the package's files, not the bin copy. (b) Host without TorchSharp (the CLI): TorchSharp.dll loads from
/// the package folder in Roslyn's load context and every native comes from the consolidated folder. In neither case
/// does TorchSharp fall back to copying natives into <c>cpu/</c> beside TorchSharp.dll. (c) Host built with
/// TorchSharp-cpu (every native in its own bin): nothing is preloaded, see <see cref="HostCarries"/>.
/// </remarks>
internal static class NativeFolders
{
    private static readonly object Gate = new();
    private static readonly List<string> Folders = [];
    // Roslyn loads #r assemblies into load contexts of its own, so every context gets the handler, not only Default.
    private static readonly EveryLoadContext Contexts = new(context => context.ResolvingUnmanagedDll += Resolve);
    private static bool preloading;
    private static readonly Dictionary<string, List<string>> Preloads = new(StringComparer.OrdinalIgnoreCase); // assembly → natives

    /// <summary>The last native library in our folders that failed to open, with the loader's reason (e.g. a missing GLIBCXX version).</summary>
    public static string? LastFailure { get; private set; }

    /// <summary>Builds (once per key) the consolidated folder of <paramref name="packages"/>' natives and makes it searched.</summary>
    public static void Add(IReadOnlyList<RestoredPackage> packages, string folder)
    {
        var natives = packages.SelectMany(p => p.Natives).ToList();
        if (natives.Count == 0 || HostCarries(natives)) return;
        if (!IsComplete(folder, natives)) Consolidate(folder, natives);
        var preloads = packages.SelectMany(p => p.Assemblies)
            .Select(a => (Name: Path.GetFileNameWithoutExtension(a), Natives: NativesCalledBy(a, folder))).Where(x => x.Natives.Count > 0).ToList();
        lock (Gate)
        {
            if (!Folders.Contains(folder)) Folders.Add(folder);
            foreach (var (name, files) in preloads) Preloads.TryAdd(name, files);
            Contexts.Start();
            if (!preloading) AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Preload(e.LoadedAssembly);
            preloading = true;
        }
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies()) Preload(loaded);
    }

    /// <summary>
    /// True when the host application ships every one of these natives itself (a host built with TorchSharp-cpu, such
    /// as the CLI): its own loader opens them from its bin, and opening the package's copies too would put two LibTorch
    /// instances in one process (LibTorch aborts). A host with only part of them (the managed TorchSharp package's shim
    /// without libtorch) still gets the package's set.
    /// </summary>
    internal static bool HostCarries(IEnumerable<string> natives)
    {
        var dirs = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.Length > 0 && natives.All(n => dirs.Any(d => File.Exists(Path.Combine(d, Path.GetFileName(n)))));
    }

    /// <summary>The files in <paramref name="folder"/> that the P/Invokes of <paramref name="assembly"/> name (its ModuleRef table).</summary>
    private static List<string> NativesCalledBy(string assembly, string folder)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        if (!pe.HasMetadata) return [];
        var md = pe.GetMetadataReader();
        return Enumerable.Range(1, md.GetTableRowCount(TableIndex.ModuleRef))
            .Select(i => md.GetString(md.GetModuleReference(MetadataTokens.ModuleReferenceHandle(i)).Name))
            .SelectMany(name => Candidates(name).Select(c => Path.Combine(folder, c)))
            .Where(File.Exists).Distinct().ToList();
    }

    private static void Preload(Assembly assembly)
    {
        List<string>? natives;
        lock (Gate)
        {
            if (assembly.IsDynamic || !Preloads.Remove(assembly.GetName().Name ?? "", out natives)) return;
        }
        foreach (var path in natives) TryLoad(path);
    }

    private static bool IsComplete(string folder, List<string> natives) =>
        natives.All(n => File.Exists(Path.Combine(folder, Path.GetFileName(n))));

    /// <summary>Symlinks in a temporary folder renamed into place, so a reader never sees half a folder.</summary>
    private static void Consolidate(string folder, List<string> natives)
    {
        var temp = $"{folder}.{Environment.ProcessId}.tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        foreach (var file in natives)
        {
            var link = Path.Combine(temp, Path.GetFileName(file));
            if (!File.Exists(link)) File.CreateSymbolicLink(link, file); // first package wins a name clash
        }
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        try { Directory.Move(temp, folder); }
        catch (IOException) when (Directory.Exists(folder)) { Directory.Delete(temp, recursive: true); } // another process won
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        if (name.Contains('/')) return IntPtr.Zero;
        List<string> folders;
        lock (Gate) folders = [.. Folders];
        foreach (var path in folders.SelectMany(f => Candidates(name).Select(c => Path.Combine(f, c))).Where(File.Exists))
            if (TryLoad(path) is var handle && handle != IntPtr.Zero) return handle;
        return IntPtr.Zero;
    }

    private static string[] Candidates(string name) => [$"lib{name}.so", name, $"{name}.so", $"lib{name}"];

    private static IntPtr TryLoad(string path)
    {
        try { return NativeLibrary.Load(path); }
        catch (DllNotFoundException e)
        {
            LastFailure = e.Message;
            return IntPtr.Zero;
        }
    }
}
