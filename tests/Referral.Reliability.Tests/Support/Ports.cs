using System.Net;
using System.Net.Sockets;

namespace Referral.Reliability.Tests.Support;

internal static class Ports
{
    /// <summary>A TCP port nothing listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
