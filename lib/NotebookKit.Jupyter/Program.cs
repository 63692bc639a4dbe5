using NotebookKit.Jupyter;
using NotebookKit.Jupyter.Wire;
using NotebookKit.Kernel;

// NotebookKit.Jupyter <connection_file>                      run the kernel (what kernel.json's argv does)
// NotebookKit.Jupyter install [--user | --prefix P]          register the kernelspec csharp-notebookkit
// NotebookKit.Jupyter prepare in.ipynb out.ipynb [--fast] [-p Name Value]...
const string Usage = """
    usage: NotebookKit.Jupyter <connection_file>
           NotebookKit.Jupyter install [--user | --prefix PREFIX]
           NotebookKit.Jupyter prepare <in.ipynb> <out.ipynb> [--fast] [-p Name Value]...
    """;
try
{
    return args switch
    {
        ["install", .. var rest] => Install(rest),
        ["prepare", .. var rest] => Prepare(rest),
        ["kernel", var file] => RunKernel(file),
        [var file] when !file.StartsWith('-') => RunKernel(file),
        _ => Fail(Usage),
    };
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException or DllNotFoundException
                           or NotebookKit.Jupyter.Zmq.ZmqException)
{
    return Fail($"NotebookKit.Jupyter: {e.Message}");
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

static int Install(string[] args)
{
    string? prefix = args switch
    {
        [] or ["--user"] => null,
        ["--prefix", var p] => p,
        _ => throw new ArgumentException("install takes --user (the default) or --prefix PREFIX."),
    };
    var folder = KernelSpecInstaller.Install(KernelSpecInstaller.KernelsFolder(prefix), out var warning);
    if (warning != null) Console.Error.WriteLine("warning: " + warning);
    Console.WriteLine($"Installed kernelspec {KernelSpecInstaller.Name} (\"{KernelSpecInstaller.DisplayName}\") in {folder}");
    return 0;
}

static int Prepare(string[] args)
{
    var files = new List<string>();
    var parameters = new Dictionary<string, string>();
    bool fast = false;
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--fast") fast = true;
        else if (args[i] == "-p" && i + 2 < args.Length) { parameters[args[i + 1]] = args[i + 2]; i += 2; }
        else if (!args[i].StartsWith('-')) files.Add(args[i]);
        else throw new ArgumentException($"prepare: unknown option '{args[i]}'.");
    }
    if (files.Count != 2) throw new ArgumentException("prepare takes an input and an output notebook.");
    if (!File.Exists(files[0])) throw new FileNotFoundException($"no notebook at {Path.GetFullPath(files[0])}.");
    NotebookPreparer.Prepare(files[0], files[1], parameters, fast);
    return 0;
}

static int RunKernel(string connectionFile)
{
    if (!File.Exists(connectionFile)) throw new FileNotFoundException($"no connection file at {connectionFile}.");
    var connection = ConnectionInfo.Load(connectionFile);
    // A front end starts the kernel in the notebook's folder: relative #r paths resolve against it. No time limit:
    // a student's training loop may run for an hour; interrupt stops it.
    var kernel = new CSharpKernel(new KernelOptions
    {
        WorkingDirectory = Directory.GetCurrentDirectory(), DefaultTimeout = Timeout.InfiniteTimeSpan,
    });
    var server = new KernelServer(connection, kernel);
    ParentWatch.Start();
    server.Run();
    // Closing waits for the sockets; a cell that ignored its interrupt may hold one, so give it a bounded time.
    var closing = Task.Run(server.Dispose);
    closing.Wait(TimeSpan.FromSeconds(3));
    Environment.Exit(0);
    return 0;
}
