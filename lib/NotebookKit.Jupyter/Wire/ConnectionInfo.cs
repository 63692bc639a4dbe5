using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookKit.Jupyter.Wire;

/// <summary>A Jupyter connection file: where the five sockets bind and the key that signs every message.</summary>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int ControlPort, int StdinPort, int IopubPort,
    int HbPort, string Key, string SignatureScheme)
{
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    public static ConnectionInfo Load(string path)
    {
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException("not a JSON object"); }
        catch (JsonException e) { throw new InvalidDataException($"connection file {path}: {e.Message}"); }
        int Port(string name) => json[name]?.GetValue<int>() ?? throw new InvalidDataException($"connection file {path}: no '{name}'.");
        var scheme = json["signature_scheme"]?.GetValue<string>() ?? "hmac-sha256";
        if (scheme != "hmac-sha256")
            throw new InvalidDataException($"connection file {path}: signature_scheme '{scheme}' is not supported (only hmac-sha256).");
        return new ConnectionInfo(json["transport"]?.GetValue<string>() ?? "tcp", json["ip"]?.GetValue<string>() ?? "127.0.0.1",
            Port("shell_port"), Port("control_port"), Port("stdin_port"), Port("iopub_port"), Port("hb_port"),
            json["key"]?.GetValue<string>() ?? "", scheme);
    }

    public JsonObject ToJson() => new()
    {
        ["transport"] = Transport, ["ip"] = Ip, ["shell_port"] = ShellPort, ["control_port"] = ControlPort,
        ["stdin_port"] = StdinPort, ["iopub_port"] = IopubPort, ["hb_port"] = HbPort, ["key"] = Key,
        ["signature_scheme"] = SignatureScheme, ["kernel_name"] = "csharp-notebookkit",
    };
}
