using System.Security.Cryptography;
using System.Text;

namespace NotebookKit.Jupyter.Wire;

/// <summary>
/// HMAC-SHA256 over header, parent_header, metadata and content, as lowercase hex (wire protocol 5.x). An empty key
/// means no signing: the signature is empty and every signature is accepted, as the spec says.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => key.Length > 0;

    public string Sign(ReadOnlySpan<byte[]> parts)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var p in parts) hmac.AppendData(p);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Constant-time comparison of the expected and the given signature.</summary>
    public bool Verify(byte[] signature, ReadOnlySpan<byte[]> parts)
    {
        if (!Enabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(signature).ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
