using System.Net;
using System.Net.Sockets;

namespace Referral.Testing;

/// <summary>
/// TCP ports for servers the tests start (a service process, a broker node, an SMTP server) that are
/// free and stay free until the test uses them, even when it binds them minutes later.
/// </summary>
/// <remarks>
/// Asking the OS for port 0 and closing the listener hands out a port of the ephemeral range, which
/// the OS gives to the next outgoing connection of any process — a later bind then fails by chance.
/// These ports come from below that range (Linux starts it at 32768), and each is claimed across the
/// test processes that run at once by an exclusive lock on a file named after it, which the OS
/// releases when the process ends, however it ends.
/// </remarks>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, FileStream> Claimed = [];
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "referral-test-ports");

    /// <summary>A port that nothing listens on and no other test process holds; held by this process until it ends.</summary>
    public static int Claim()
    {
        Directory.CreateDirectory(Folder);
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Claimed.ContainsKey(port) || !TryLock(port, out var file)) continue;
                if (CanBind(port))
                {
                    Claimed[port] = file;
                    return port;
                }
                file.Dispose();
            }
        }
        throw new InvalidOperationException($"no free TCP port between {First} and {Last} after 500 attempts");
    }

    private static bool TryLock(int port, out FileStream file)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix: a second process cannot open it while this one holds it.
            file = new FileStream(Path.Combine(Folder, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            file = null!;
            return false;
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
