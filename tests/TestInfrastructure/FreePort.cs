using System.Net;
using System.Net.Sockets;

namespace Quartier.Testing;

/// <summary>Hands out loopback ports nobody listens on, so parallel test runs never share a server.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an unused port on 127.0.0.1 and releases it at once. Another process could
    /// take it before the caller binds it; the kernel's rotation through the ephemeral range makes that rare.
    /// </summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
