namespace NotebookKit.DotNetInteractive.Tests;

/// <summary>
/// One kernel that has run the course's set-up cell (TorchSharp-cpu, Plotly.NET.CSharp, lib/NotebookKit's Release dll),
/// shared by the display tests: a restore through PackageManagement takes tens of seconds.
/// </summary>
public sealed class CourseSession : IAsyncLifetime
{
    internal InteractiveSession Session { get; } = new();

    public async Task InitializeAsync()
    {
        NotebookKit.Testing.NotebookLibraries.EnsureRelease(NotebookKit.Testing.CourseNotebooks.RepoRoot);
        var dll = Path.Combine(NotebookKit.Testing.CourseNotebooks.RepoRoot, "lib/NotebookKit/bin/Release/net10.0/NotebookKit.dll");
        var setup = await Session.RunAsync($"""
            #r "nuget: TorchSharp-cpu, 0.107.0"
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            #r "{dll}"
            using TorchSharp;
            using static TorchSharp.torch;
            using NotebookKit.Display;
            using Chart = Plotly.NET.CSharp.Chart;
            """);
        if (setup.Failure != null) throw new InvalidOperationException("The course's set-up cell failed in .NET Interactive:\n" + setup);
    }

    public Task DisposeAsync()
    {
        Session.Dispose();
        return Task.CompletedTask;
    }
}
