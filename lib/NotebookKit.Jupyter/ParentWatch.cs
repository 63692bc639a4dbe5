namespace NotebookKit.Jupyter;

/// <summary>
/// Ends the kernel when the process that launched it is gone (jupyter_client sets <c>JPY_PARENT_PID</c>), as
/// ipykernel does, so a crashed front end leaves no orphaned kernel holding memory and ports.
/// </summary>
internal static class ParentWatch
{
    public static void Start()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out int pid) || pid <= 1) return;
        new Thread(() =>
        {
            while (Directory.Exists($"/proc/{pid}")) Thread.Sleep(1000);
            Log.Write($"the parent process {pid} is gone; exiting.");
            Environment.Exit(0);
        }) { IsBackground = true, Name = "jupyter parent watch" }.Start();
    }
}
