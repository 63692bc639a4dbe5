using System.Runtime.InteropServices;
using NotebookKit.Runtime;

namespace NotebookKit.Tests.Runtime;

public class SkiaNativesTests
{
    private static string LibraryDirectory => Path.GetDirectoryName(typeof(SkiaNatives).Assembly.Location)!;

    [Fact]
    public void Finds_this_machines_libSkiaSharp_under_runtimes_beside_the_library()
    {
        // The layout a notebook's #r "…/NotebookKit.dll" sees: the build copies every RID's native under runtimes/.
        var path = SkiaNatives.Find("libSkiaSharp", LibraryDirectory);
        Assert.NotNull(path);
        Assert.Contains(Path.Combine("runtimes", SkiaNatives.RuntimeFolders.First(f => path!.Contains(Path.Combine("runtimes", f, "native"))), "native"), path);
        string ext = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        Assert.EndsWith("libSkiaSharp" + ext, path);
        Assert.True(NativeLibrary.TryLoad(path!, out var handle));
        Assert.True(NativeLibrary.TryGetExport(handle, "sk_version_get_milestone", out _)); // it is Skia's C API
    }

    [Fact]
    public void Returns_null_when_the_folder_has_no_runtimes()
    {
        var empty = Directory.CreateTempSubdirectory("nbkit-skia-").FullName;
        try
        {
            Assert.Null(SkiaNatives.Find("libSkiaSharp", empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Rid_folders_go_from_specific_to_the_bare_os()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        Assert.Equal(os, SkiaNatives.RuntimeFolders[^1]);
        Assert.Contains($"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", SkiaNatives.RuntimeFolders);
    }
}
