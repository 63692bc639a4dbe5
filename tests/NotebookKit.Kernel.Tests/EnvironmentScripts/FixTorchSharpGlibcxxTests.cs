namespace NotebookKit.Kernel.Tests.EnvironmentScripts;

/// <summary>environment/fix-torchsharp-glibcxx.py on a copy of the real restored TorchSharp shim, made unpatched first.</summary>
public class FixTorchSharpGlibcxxTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static readonly string Shim = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [SystemLacksGlibcxx3432Fact]
    public void ScriptMarksTheRequirementWeakAgainAndASecondRunChangesNothing()
    {
        Assert.True(File.Exists(Shim), $"{Shim} is missing: the test project restores TorchSharp 0.107.0, so a build should have put it there.");
        using var dir = new TempDir();
        var copy = Path.Combine(dir.Path, "libLibTorchSharp.so");
        var bytes = File.ReadAllBytes(Shim);
        int at = ElfVersionNeeds.FlagsOffset(bytes, Version);
        Assert.True(at > 0, $"{Shim} has no {Version} requirement");
        ElfVersionNeeds.SetFlags(bytes, at, (ushort)(ElfVersionNeeds.Flags(bytes, at) & ~ElfVersionNeeds.Weak));
        File.WriteAllBytes(copy, bytes);

        var first = Fix(copy);
        Assert.True(first.Exit == 0, first.Output);
        Assert.Contains($"marked {Version} weak", first.Output);
        var patched = File.ReadAllBytes(copy);
        Assert.Equal(ElfVersionNeeds.Weak, ElfVersionNeeds.Flags(patched, at) & ElfVersionNeeds.Weak);
        Assert.Equal(bytes.Length, patched.Length);
        Assert.Equal(1, bytes.Zip(patched).Count(b => b.First != b.Second)); // one byte: the flag

        var second = Fix(copy);
        Assert.True(second.Exit == 0, second.Output);
        Assert.Contains("already patched", second.Output);
        Assert.Equal(patched, File.ReadAllBytes(copy));
    }

    private static (int Exit, string Output) Fix(string file) =>
        TestNotebooks.Run("python3", [Path.Combine(TestNotebooks.RepoRoot, "environment", "fix-torchsharp-glibcxx.py"), file]);
}
