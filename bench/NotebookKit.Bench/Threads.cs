using NotebookKit.Runtime;
using TorchSharp;

namespace NotebookKit.Bench;

/// <summary>
/// LibTorch's thread settings for a run, set before the first tensor op: intra-op threads = the core count (as the
/// anchors' set_num_threads(2) on this 2-core machine) unless <c>--threads N</c>; <c>--interop N</c> sizes the
/// inter-op pool (a lever under test). OMP_WAIT_POLICY=PASSIVE comes from NotebookKit's module initializer.
/// </summary>
internal static class Threads
{
    public static void Configure(string[] args)
    {
        string? policy = OpenMpWaitPolicy.Current;   // touching the library runs its module initializer first
        torch.set_num_threads(BenchArgs.Int(args, "--threads", Environment.ProcessorCount));
        if (BenchArgs.Int(args, "--interop", 0) is int interop and > 0) torch.set_num_interop_threads(interop);
        Console.WriteLine($"# threads={torch.get_num_threads()} interop={torch.get_num_interop_threads()} " +
            $"OMP_WAIT_POLICY={policy} load={LoadAverage()}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
