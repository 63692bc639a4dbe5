using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookKit.Jupyter.Wire;

/// <summary>
/// One wire-protocol message: <c>[ids..., "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers...]</c>.
/// </summary>
public sealed class JupyterMessage
{
    public const string Delimiter = "<IDS|MSG>", ProtocolVersion = "5.3";
    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(Delimiter);

    public IReadOnlyList<byte[]> Identities { get; init; } = [];
    public JsonObject Header { get; init; } = new();
    public JsonObject ParentHeader { get; init; } = new();
    public JsonObject Metadata { get; init; } = new();
    public JsonObject Content { get; init; } = new();
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string MsgType => Header["msg_type"]?.GetValue<string>() ?? "";
    public string MsgId => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A new message of <paramref name="msgType"/> in <paramref name="session"/>, replying to <paramref name="parent"/> (its header becomes parent_header; its identities route the reply).</summary>
    public static JupyterMessage Create(string msgType, JsonObject content, string session, JupyterMessage? parent = null) => new()
    {
        Identities = parent?.Identities ?? [],
        Header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(), ["session"] = session,
            ["username"] = parent?.Header["username"]?.GetValue<string>() ?? "kernel",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["msg_type"] = msgType, ["version"] = ProtocolVersion,
        },
        ParentHeader = parent == null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };

    /// <summary>The frames to send, signed with <paramref name="signer"/>.</summary>
    public List<byte[]> ToFrames(MessageSigner signer)
    {
        byte[][] parts = [Json(Header), Json(ParentHeader), Json(Metadata), Json(Content)];
        var frames = new List<byte[]>(Identities);
        frames.Add(DelimiterBytes);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(Buffers);
        return frames;
    }

    /// <summary>Parses and verifies <paramref name="frames"/>; null with <paramref name="problem"/> set when malformed or wrongly signed.</summary>
    public static JupyterMessage? Parse(List<byte[]> frames, MessageSigner signer, out string? problem)
    {
        problem = null;
        int d = frames.FindIndex(f => f.AsSpan().SequenceEqual(DelimiterBytes));
        if (d < 0 || frames.Count < d + 6) { problem = $"malformed message ({frames.Count} frames, delimiter at {d})"; return null; }
        var parts = frames.GetRange(d + 2, 4).ToArray();
        if (!signer.Verify(frames[d + 1], parts)) { problem = "bad or missing signature"; return null; }
        try
        {
            return new JupyterMessage
            {
                Identities = frames.GetRange(0, d), Header = Object(parts[0]), ParentHeader = Object(parts[1]),
                Metadata = Object(parts[2]), Content = Object(parts[3]), Buffers = frames.GetRange(d + 6, frames.Count - d - 6),
            };
        }
        catch (System.Text.Json.JsonException e) { problem = $"invalid JSON: {e.Message}"; return null; }
    }

    private static JsonObject Object(byte[] json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();

    private static byte[] Json(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());
}
