using NotebookKit.Cli;

// notebookkit <command> [--option value ...]
var commands = new Dictionary<string, Func<Options, int>>
{
    ["train-vae"] = TrainVaeCommand.Run,
    ["train-classifier"] = TrainClassifierCommand.Run,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: notebookkit <{string.Join("|", commands.Keys)}> [--option value ...]");
    Console.Error.WriteLine("  train-vae  [--epochs 1] [--batch-size 128] [--subset N] [--seed 1] [--save vae.safetensors]");
    Console.Error.WriteLine("  train-classifier  [--epochs 4] [--seed 0] [--root data]   (cached under data/models/)");
    return 2;
}
try
{
    return command(new Options(args[1..]));
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"notebookkit {args[0]}: {e.Message}");
    return 1;
}
