using System.Net;
using System.Net.Sockets;
using Referral.Testing;

namespace Referral.Reliability.Tests.Support;

internal static class Ports
{
    /// <summary>A TCP port nothing listens on and no other test process holds (see <see cref="FreePorts"/>).</summary>
    public static int Free() => FreePorts.Claim();

    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (Exception ex) when (ex is AggregateException or SocketException)
        {
            return false;
        }
    }
}
