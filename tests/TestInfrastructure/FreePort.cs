using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Quartier.Testing;

/// <summary>Hands out loopback ports nobody listens on, so parallel test runs never share a server.</summary>
public static class FreePort
{
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>Above the well-known and registered ports most often in use on a developer's machine.</summary>
    private const int Lowest = 10_000;

    private const int Attempts = 100;

    private static readonly Lazy<int> FirstEphemeral = new(ReadFirstEphemeralPort);

    /// <summary>
    /// A random free port below the kernel's ephemeral range. A port from inside that range (what
    /// binding to port 0 hands out) can be taken by any outgoing connection between our check and
    /// the server binding it, and again whenever a server restarts on its port: PostgreSQL then fails
    /// with "Address already in use", as it did on CI. Below the range only a listener can take it.
    /// </summary>
    public static int Next() => NextBlock(1);

    /// <summary>The first of <paramref name="count"/> consecutive free ports, for a server that takes several (RabbitMQ).</summary>
    public static int NextBlock(int count)
    {
        var highest = FirstEphemeral.Value - count;
        for (var attempt = 0; attempt < Attempts && highest > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (Enumerable.Range(port, count).All(IsFree))
            {
                return port;
            }
        }

        if (count > 1)
        {
            throw new InvalidOperationException($"No {count} consecutive free ports below {FirstEphemeral.Value}.");
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The lower end of Linux's ephemeral port range; 32768 (its default) elsewhere.</summary>
    private static int ReadFirstEphemeralPort()
    {
        try
        {
            var range = File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
