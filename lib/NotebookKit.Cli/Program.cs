using NotebookKit.Cli;

// notebookkit <command> [arguments] [--option value ...]
var commands = new Dictionary<string, (Func<Options, int> Run, HashSet<string> Flags)>
{
    ["train-vae"] = (TrainVaeCommand.Run, []),
    ["train-classifier"] = (TrainClassifierCommand.Run, []),
    ["run"] = (RunCommand.Run, ["fast", "no-html"]),
    ["run-one"] = (RunOneCommand.Run, ["fast", "no-html"]), // hidden: one notebook in this process (run spawns it per notebook)
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine("usage: notebookkit <train-vae|train-classifier|run> [--option value ...]");
    Console.Error.WriteLine("  train-vae  [--epochs 1] [--batch-size 128] [--subset N] [--seed 1] [--save vae.safetensors]");
    Console.Error.WriteLine("  train-classifier  [--epochs 4] [--seed 0] [--root data]   (cached under data/models/)");
    Console.Error.WriteLine("  run        <notebook.ipynb|folder>... [--out out] [-p Name Value]... [--fast] [--timeout seconds] [--no-html]");
    return 2;
}
try
{
    return command.Run(new Options(args[1..], command.Flags));
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"notebookkit {args[0]}: {e.Message}");
    return 1;
}
