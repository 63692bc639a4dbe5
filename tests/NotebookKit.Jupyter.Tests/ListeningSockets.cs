using System.Globalization;
using System.Net;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// The TCP sockets a process listens on, read as <c>ss -ltnp</c> reads them: the socket inodes among
/// <c>/proc/PID/fd</c>, matched against the LISTEN rows of <c>/proc/PID/net/tcp</c> and <c>tcp6</c>. Linux only.
/// </summary>
internal static class ListeningSockets
{
    public static IReadOnlyList<IPEndPoint> Of(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
            if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                inodes.Add(target[8..^1]);
        var found = new List<IPEndPoint>();
        foreach (var table in new[] { "tcp", "tcp6" })
            foreach (var line in File.ReadLines($"/proc/{pid}/net/{table}").Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f[3] != "0A" || !inodes.Contains(f[9])) continue; // 0A = LISTEN
                var (address, port) = (f[1][..f[1].IndexOf(':')], f[1][(f[1].IndexOf(':') + 1)..]);
                found.Add(new IPEndPoint(Address(address), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        return found;
    }

    /// <summary>/proc writes addresses as 32-bit words in host (little-endian) order.</summary>
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (int i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
        return new IPAddress(bytes);
    }
}
