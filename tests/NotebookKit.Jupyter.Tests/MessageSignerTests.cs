using System.Text;
using System.Text.Json.Nodes;
using NotebookKit.Jupyter.Wire;

namespace NotebookKit.Jupyter.Tests;

public class MessageSignerTests
{
    [Fact]
    public void SignatureIsHmacSha256HexOfTheFourParts()
    {
        var parts = new[] { "{\"a\":1}", "{}", "{}", "{\"code\":\"1\"}" }.Select(Encoding.UTF8.GetBytes).ToArray();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("secret"), parts.SelectMany(p => p).ToArray()));
        var signer = new MessageSigner("secret");
        Assert.Equal(expected, signer.Sign(parts));
        Assert.True(signer.Verify(Encoding.ASCII.GetBytes(expected), parts));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(expected[..^1] + "0"), parts));
        Assert.False(signer.Verify([], parts));
    }

    [Fact]
    public void EmptyKeyMeansNoSigning()
    {
        var signer = new MessageSigner("");
        Assert.Equal("", signer.Sign([[1, 2]]));
        Assert.True(signer.Verify([], [[1, 2]]));
    }

    [Fact]
    public void MessageRoundTripsThroughFramesWithIdentitiesAndParent()
    {
        var signer = new MessageSigner("k");
        var request = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, "s1");
        var routed = JupyterMessage.Parse([[7, 7], .. request.ToFrames(signer)], signer, out var problem)!;
        Assert.Null(problem);
        var reply = JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "ok" }, "s2", routed);
        var frames = reply.ToFrames(signer);
        Assert.Equal(new byte[] { 7, 7 }, frames[0]);
        var parsed = JupyterMessage.Parse(frames, signer, out problem)!;
        Assert.Equal(request.MsgId, parsed.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", parsed.Header["version"]!.GetValue<string>());
        Assert.Equal("{}", parsed.Metadata.ToJsonString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00$", parsed.Header["date"]!.GetValue<string>());
    }
}
